package org.vivarium.launcher.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

/**
 * The identity of a plugin jar read from its manifest, checked before OSGi sees it.
 *
 * @param symbolicName the {@code Bundle-SymbolicName} without directives
 * @param version the {@code Bundle-Version}, {@code 0.0.0} if absent
 * @param fragment whether it is a fragment (never started)
 */
record PluginJar(String symbolicName, String version, boolean fragment) {

    /**
     * Reads and validates a jar.
     *
     * @param jar the file
     * @return its identity
     * @throws PluginFailure if it is not a zip, has no or an invalid manifest, or no symbolic name
     */
    static PluginJar inspect(Path jar) throws PluginFailure {
        JarFile file;
        try {
            file = new JarFile(jar.toFile());
        } catch (ZipException e) {
            throw new PluginFailure("is not a jar (zip) file");
        } catch (IOException | SecurityException e) {
            throw new PluginFailure("cannot be read: " + e.getMessage());
        }
        try (file) {
            Manifest manifest = manifest(file);
            Attributes main = manifest.getMainAttributes();
            String name = main.getValue("Bundle-SymbolicName");
            if (name == null || name.isBlank()) {
                throw new PluginFailure("has no Bundle-SymbolicName in its manifest, so it is not an OSGi bundle");
            }
            String version = main.getValue("Bundle-Version");
            return new PluginJar(name.split(";", 2)[0].trim(), version == null ? "0.0.0" : version.trim(),
                    main.getValue("Fragment-Host") != null);
        } catch (IOException e) {
            throw new PluginFailure("cannot be read: " + e.getMessage());
        }
    }

    private static Manifest manifest(JarFile file) throws PluginFailure {
        Manifest manifest;
        try {
            manifest = file.getManifest();
        } catch (IOException | SecurityException e) {
            throw new PluginFailure("has an invalid META-INF/MANIFEST.MF (" + e.getMessage() + ")");
        }
        if (manifest == null) {
            throw new PluginFailure("has no META-INF/MANIFEST.MF, so it is not an OSGi bundle");
        }
        return manifest;
    }
}
