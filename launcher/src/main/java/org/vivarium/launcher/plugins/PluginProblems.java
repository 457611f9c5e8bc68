package org.vivarium.launcher.plugins;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleException;

/** Turns Felix's exceptions into the short reasons shown after {@code plugin NAME.jar: }. */
final class PluginProblems {

    private static final Pattern PACKAGE = Pattern.compile("\\(osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern LOWER = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern UPPER = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private static final Pattern REQUIREMENT = Pattern.compile("missing requirement \\[.*?\\] (.*?)(?: Unresolved requirements:.*)?$");

    private PluginProblems() {
    }

    /**
     * Explains why {@code Bundle.start} failed.
     *
     * @param e the exception
     * @return e.g. {@code failed to start: activator threw IllegalStateException: boom}
     */
    static String start(BundleException e) {
        if (e.getType() == BundleException.RESOLVE_ERROR || String.valueOf(e.getMessage()).startsWith("Unable to resolve")) {
            return resolve(e.getMessage());
        }
        if (e.getCause() instanceof ClassNotFoundException || e.getCause() instanceof NoClassDefFoundError) {
            String missing = firstLine(String.valueOf(e.getCause().getMessage())).split(" ")[0];
            return "failed to start: its activator class " + missing + " (Bundle-Activator) is not in the jar";
        }
        if (e.getCause() != null) {
            return "failed to start: activator threw " + describe(e.getCause());
        }
        return "failed to start: " + e.getMessage();
    }

    /**
     * Explains why {@code installBundle} or {@code update} failed.
     *
     * @param e the exception
     * @return e.g. {@code cannot be installed: ...}
     */
    static String install(BundleException e) {
        if (e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
            return "cannot be installed: another plugin has the same symbolic name and version";
        }
        return "cannot be installed: " + e.getMessage();
    }

    /**
     * Describes an exception in one line without the package of its class.
     *
     * @param t the exception
     * @return e.g. {@code IllegalStateException: boom}
     */
    static String describe(Throwable t) {
        String message = t.getMessage();
        String type = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + firstLine(message);
    }

    /**
     * @param text possibly multi-line text
     * @return its first line, trimmed
     */
    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    private static String resolve(String message) {
        String text = String.valueOf(message);
        Matcher pkg = PACKAGE.matcher(text);
        if (pkg.find()) {
            Matcher lower = LOWER.matcher(text);
            Matcher upper = UPPER.matcher(text);
            String range = "";
            if (lower.find()) {
                range = " (version " + lower.group(1) + (upper.find() ? " to below " + upper.group(1) : " or later") + ")";
            }
            return "cannot resolve: it imports package " + pkg.group(1) + range
                    + ", which neither the platform nor another plugin exports";
        }
        Matcher requirement = REQUIREMENT.matcher(firstLine(text));
        return "cannot resolve: missing requirement " + (requirement.find() ? requirement.group(1) : firstLine(text));
    }
}
