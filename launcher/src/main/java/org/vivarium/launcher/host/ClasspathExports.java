package org.vivarium.launcher.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

/**
 * Collects the {@code Export-Package} clauses of the jars on the launcher's classpath for chosen package
 * prefixes, so the system bundle can re-export them (with their versions) to plugins through
 * {@code org.osgi.framework.system.packages.extra}.
 *
 * <p>Jars without an {@code Export-Package} header contribute nothing: a package is only offered to
 * plugins when its own build declared it exported.
 */
final class ClasspathExports {

    private ClasspathExports() {
    }

    /**
     * Finds the exported packages whose names start with one of the prefixes.
     *
     * @param loader the class loader whose {@code META-INF/MANIFEST.MF} resources are read
     * @param prefixes package-name prefixes, e.g. {@code org.vivarium.api}
     * @return one clause per package (first jar wins), e.g. {@code org.vivarium.api.method;version="1.0.0"}
     */
    static List<String> collect(ClassLoader loader, List<String> prefixes) {
        Map<String, String> byPackage = new LinkedHashMap<>();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                String header = exportHeader(manifests.nextElement());
                if (header == null) {
                    continue;
                }
                for (ManifestHeader.Entry entry : ManifestHeader.parse(header)) {
                    if (matches(entry.path(), prefixes)) {
                        byPackage.putIfAbsent(entry.path(), entry.asClause());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classpath manifests", e);
        }
        return new ArrayList<>(byPackage.values());
    }

    private static boolean matches(String pkg, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (pkg.equals(prefix) || pkg.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    private static String exportHeader(URL manifestUrl) {
        try (InputStream in = manifestUrl.openStream()) {
            return new Manifest(in).getMainAttributes().getValue("Export-Package");
        } catch (IOException e) {
            return null; // an unreadable jar exports nothing; it must not stop the host
        }
    }
}
