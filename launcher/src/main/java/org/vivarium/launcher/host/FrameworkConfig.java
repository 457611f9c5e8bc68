package org.vivarium.launcher.host;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Constants;

/** Builds the Felix launch properties for a {@link VivariumHost}. */
final class FrameworkConfig {

    /** Package prefixes the system bundle re-exports when a classpath jar declares them exported. */
    static final List<String> EXPORTED_PREFIXES = List.of("org.vivarium.api", "org.vivarium.report");

    private FrameworkConfig() {
    }

    /**
     * Creates the framework properties.
     *
     * @param storage the bundle cache directory (cleaned on first init)
     * @param debug whether Felix and SCR may log their own errors
     * @return properties for {@code FrameworkFactory.newFramework}
     */
    static Map<String, String> properties(Path storage, boolean debug) {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        List<String> exports = ClasspathExports.collect(FrameworkConfig.class.getClassLoader(), EXPORTED_PREFIXES);
        if (!exports.isEmpty()) {
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", exports));
        }
        // our own one-line messages replace Felix's and SCR's stack traces
        config.put("felix.log.level", debug ? "1" : "0");
        config.put("ds.loglevel", debug ? "warn" : "0"); // 0 = audit only
        config.put("felix.shutdown.hook", "false");
        return config;
    }
}
