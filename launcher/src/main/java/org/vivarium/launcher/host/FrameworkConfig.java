package org.vivarium.launcher.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;

/** Builds the Felix launch properties for a {@link VivariumHost}. */
final class FrameworkConfig {

    /** Package prefixes the system bundle re-exports when a classpath jar declares them exported. */
    static final List<String> EXPORTED_PREFIXES = List.of("org.vivarium.api", "org.vivarium.report", "org.slf4j");

    /**
     * The servlet API jar on the classpath (javax 2.6-4.0 and jakarta 5.0-6.0 in one jar). The system bundle
     * exports all of its package versions and servlet contracts, so {@code viv serve}'s pages (on the classpath)
     * and the Felix HTTP Jetty bundle share the same servlet classes.
     */
    static final String SERVLET_API = "org.apache.felix.http.servlet-api";

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
        exports = new ArrayList<>(exports);
        Attributes servletApi = manifestOf(FrameworkConfig.class.getClassLoader(), SERVLET_API);
        if (servletApi != null) {
            exports.add(servletApi.getValue("Export-Package"));
            config.put(Constants.FRAMEWORK_SYSTEMCAPABILITIES_EXTRA, servletApi.getValue("Provide-Capability"));
        }
        if (!exports.isEmpty()) {
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", exports));
        }
        // our own one-line messages replace Felix's and SCR's stack traces
        config.put("felix.log.level", debug ? "1" : "0");
        config.put("ds.loglevel", debug ? "warn" : "0"); // 0 = audit only
        config.put("felix.shutdown.hook", "false");
        return config;
    }

    private static Attributes manifestOf(ClassLoader loader, String symbolicName) {
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    Attributes main = new Manifest(in).getMainAttributes();
                    String name = main.getValue("Bundle-SymbolicName");
                    if (name != null && name.split(";")[0].trim().equals(symbolicName)
                            && main.getValue("Export-Package") != null && main.getValue("Provide-Capability") != null) {
                        return main;
                    }
                } catch (IOException e) {
                    // an unreadable jar exports nothing
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classpath manifests", e);
        }
    }
}
