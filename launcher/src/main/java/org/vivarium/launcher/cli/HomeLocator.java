package org.vivarium.launcher.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Vivarium home directory: {@code --home DIR}, else the {@code VIVARIUM_HOME} environment
 * variable, else the {@code vivarium.home} system property (set by {@code bin/viv} to the installation).
 */
public final class HomeLocator {

    /** The environment variable naming the home directory. */
    public static final String ENV = "VIVARIUM_HOME";
    /** The system property naming the home directory. */
    public static final String PROPERTY = "vivarium.home";

    private HomeLocator() {
    }

    /**
     * @param option the {@code --home} value, or {@code null}
     * @param env the process environment
     * @return the home directory, if any source names one
     */
    public static Optional<Path> locate(String option, Map<String, String> env) {
        for (String candidate : new String[] {option, env.get(ENV), System.getProperty(PROPERTY)}) {
            if (candidate != null && !candidate.isBlank()) {
                return Optional.of(Path.of(candidate).toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }
}
