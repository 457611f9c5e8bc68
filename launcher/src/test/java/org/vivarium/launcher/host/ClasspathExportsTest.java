package org.vivarium.launcher.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.vivarium.api.VivariumException;

class ClasspathExportsTest {

    @Test
    void apiPackagesAreExportedWithTheVersionsTheirJarDeclares() throws Exception {
        List<String> exports = ClasspathExports.collect(getClass().getClassLoader(), FrameworkConfig.EXPORTED_PREFIXES);
        Path apiJar = Path.of(VivariumException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String declared;
        if (java.nio.file.Files.isDirectory(apiJar)) {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(apiJar.resolve("META-INF/MANIFEST.MF"))) {
                declared = new java.util.jar.Manifest(in).getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
            }
        } else {
            try (JarFile jar = new JarFile(apiJar.toFile())) {
                declared = jar.getManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
            }
        }
        List<ManifestHeader.Entry> apiPackages = ManifestHeader.parse(declared);
        assertTrue(apiPackages.size() >= 9, declared);
        for (ManifestHeader.Entry e : apiPackages) {
            String clause = e.asClause();
            String pkg = clause.substring(0, clause.indexOf(';'));
            String version = clause.replaceAll(".*version=\"?([0-9.]+)\"?.*", "$1");
            assertTrue(exports.stream().anyMatch(x -> x.startsWith(pkg + ";") && x.contains("version=\"" + version + "\"")),
                    pkg + " " + version + " not in " + exports);
        }
        assertTrue(exports.stream().anyMatch(e -> e.startsWith("org.vivarium.api.train;")), exports.toString());
        assertTrue(exports.stream().anyMatch(e -> e.startsWith("org.vivarium.report.progress;")), exports.toString());
        assertTrue(exports.stream().noneMatch(e -> e.startsWith("org.vivarium.launcher")), exports.toString());
    }

    @Test
    void frameworkPropertiesCarryTheExportsAndSilenceFelixLogging() {
        Map<String, String> properties = FrameworkConfig.properties(Path.of("cache"), false);
        assertTrue(properties.get(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA).contains("org.vivarium.api.tensor;version=\"1.0.0\""));
        assertEquals("0", properties.get("felix.log.level"));
        assertEquals(Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT, properties.get(Constants.FRAMEWORK_STORAGE_CLEAN));
    }

    @Test
    void onnxRuntimeIsOnTheLauncherClasspathButNeverExportedToPlugins() throws Exception {
        Class.forName("ai.onnxruntime.OrtEnvironment", false, getClass().getClassLoader()); // viv bench's reference
        String extra = FrameworkConfig.properties(Path.of("cache"), false).get(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA);
        assertTrue(extra.contains("org.vivarium.api.model;"), extra);
        assertFalse(extra.contains("ai.onnxruntime"), extra);
        assertFalse(extra.contains("ai.djl"), extra);
    }

    @Test
    void headerParserKeepsQuotedCommasAndSharedParameters() {
        List<ManifestHeader.Entry> entries = ManifestHeader.parse(
                "a.b;version=\"1.0.0\";uses:=\"x.y,z.w\",c.d;e.f;version=2.0");
        assertEquals(3, entries.size());
        assertEquals("a.b;version=\"1.0.0\";uses:=\"x.y,z.w\"", entries.get(0).asClause());
        assertEquals("c.d;version=2.0", entries.get(1).asClause());
        assertEquals("e.f;version=2.0", entries.get(2).asClause());
        assertTrue(ManifestHeader.parse(null).isEmpty());
    }
}
