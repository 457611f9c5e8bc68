package org.vivarium.launcher.plugins;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.vivarium.api.web.WebHost;

/**
 * Asks the Declarative Services runtime which of a bundle's components failed to activate or wait for
 * a missing service, using the {@code ServiceComponentRuntime} DTOs.
 *
 * <p>The DS API classes live inside the framework (the {@code org.osgi.service.component} bundle), not
 * on the launcher's classpath, so the service and its DTOs (plain public fields) are read reflectively.
 */
final class ComponentDiagnostics {

    private static final String SCR_SERVICE = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    private static final int UNSATISFIED_REFERENCE = 2;
    private static final int FAILED_ACTIVATION = 16;

    private final BundleContext context;

    /**
     * @param context the system bundle context
     */
    ComponentDiagnostics(BundleContext context) {
        this.context = context;
    }

    /**
     * Lists the component problems of one bundle.
     *
     * @param bundle the plugin bundle
     * @return one phrase per failed or unsatisfied component, empty if all is well or DS is absent
     */
    List<String> problems(Bundle bundle) {
        ServiceReference<?> reference = context.getServiceReference(SCR_SERVICE);
        if (reference == null) {
            return List.of();
        }
        Object scr = context.getService(reference);
        if (scr == null) {
            return List.of();
        }
        try {
            return problems(scr, bundle);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return List.of();
        } finally {
            context.ungetService(reference);
        }
    }

    private static List<String> problems(Object scr, Bundle bundle) throws ReflectiveOperationException {
        Class<?> api = findInterface(scr.getClass());
        Method descriptions = api.getMethod("getComponentDescriptionDTOs", Bundle[].class);
        Method configurations = null;
        for (Method m : api.getMethods()) {
            if (m.getName().equals("getComponentConfigurationDTOs")) {
                configurations = m;
            }
        }
        List<String> problems = new ArrayList<>();
        for (Object description : (Collection<?>) invoke(descriptions, scr, new Bundle[] {bundle})) {
            String component = (String) field(description, "name");
            for (Object configuration : (Collection<?>) invoke(configurations, scr, description)) {
                int state = (Integer) field(configuration, "state");
                if (state == FAILED_ACTIVATION) {
                    problems.add("component " + component + " failed to activate: " + failure(configuration));
                } else if (state == UNSATISFIED_REFERENCE && !waitsOnlyForTheWebServer(description, configuration)) {
                    problems.add("component " + component + " is waiting for " + missing(description, configuration));
                }
            }
        }
        return problems;
    }

    private static String failure(Object configuration) throws ReflectiveOperationException {
        Object failure = fieldOrNull(configuration, "failure");
        if (failure == null) {
            return "its activate method threw";
        }
        // the failure text is a stack trace; its first line reads "java.lang.IllegalStateException: boom"
        String line = PluginProblems.firstLine(String.valueOf(failure));
        int colon = line.indexOf(':');
        String type = colon < 0 ? line : line.substring(0, colon);
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return "activate threw " + simple + (colon < 0 ? "" : line.substring(colon));
    }

    /**
     * A page component waits for the {@link WebHost} service, which the host registers only while {@code viv serve}
     * runs: that is its normal state, not a problem.
     */
    private static boolean waitsOnlyForTheWebServer(Object description, Object configuration)
            throws ReflectiveOperationException {
        List<String[]> refs = unsatisfied(description, configuration);
        return !refs.isEmpty() && refs.stream().allMatch(r -> WebHost.class.getName().equals(r[1]));
    }

    private static String missing(Object description, Object configuration) throws ReflectiveOperationException {
        List<String> services = new ArrayList<>();
        for (String[] ref : unsatisfied(description, configuration)) {
            services.add("service " + ref[1] + " (reference '" + ref[0] + "')");
        }
        return services.isEmpty() ? "a service nobody provides" : String.join(", ", services)
                + ", which no plugin provides";
    }

    /** @return each unsatisfied reference as {@code {name, interface}}, in the DTO's order */
    private static List<String[]> unsatisfied(Object description, Object configuration)
            throws ReflectiveOperationException {
        List<String[]> out = new ArrayList<>();
        Object unsatisfied = field(configuration, "unsatisfiedReferences");
        Object references = field(description, "references");
        for (int i = 0; unsatisfied != null && i < Array.getLength(unsatisfied); i++) {
            String name = (String) field(Array.get(unsatisfied, i), "name");
            String service = name;
            for (int j = 0; references != null && j < Array.getLength(references); j++) {
                Object ref = Array.get(references, j);
                if (name.equals(field(ref, "name"))) {
                    service = (String) field(ref, "interfaceName");
                }
            }
            out.add(new String[] {name, service});
        }
        return out;
    }

    private static Class<?> findInterface(Class<?> type) throws ClassNotFoundException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(SCR_SERVICE)) {
                    return i;
                }
            }
        }
        throw new ClassNotFoundException(SCR_SERVICE + " not implemented by " + type);
    }

    private static Object invoke(Method method, Object target, Object argument) throws ReflectiveOperationException {
        return method.invoke(target, argument);
    }

    private static Object field(Object dto, String name) throws ReflectiveOperationException {
        return dto.getClass().getField(name).get(dto);
    }

    private static Object fieldOrNull(Object dto, String name) throws IllegalAccessException {
        try {
            return dto.getClass().getField(name).get(dto);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
