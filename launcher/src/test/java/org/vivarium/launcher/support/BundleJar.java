package org.vivarium.launcher.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Builds a bundle jar from a manifest and the compiled test classes of whole packages. */
public final class BundleJar {

    private final Manifest manifest = new Manifest();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private BundleJar() {
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    }

    /**
     * Starts an OSGi R4 bundle.
     *
     * @param symbolicName the Bundle-SymbolicName, or {@code null} to leave it out
     * @return the builder
     */
    public static BundleJar bundle(String symbolicName) {
        BundleJar jar = new BundleJar();
        jar.header("Bundle-ManifestVersion", "2");
        jar.header("Bundle-Version", "1.0.0");
        if (symbolicName != null) {
            jar.header("Bundle-SymbolicName", symbolicName);
        }
        return jar;
    }

    /**
     * @param name header name
     * @param value header value
     * @return this builder
     */
    public BundleJar header(String name, String value) {
        manifest.getMainAttributes().putValue(name, value);
        return this;
    }

    /**
     * Adds every class file of the package of {@code type}.
     *
     * @param type a class of the package
     * @return this builder
     */
    public BundleJar packageOf(Class<?> type) {
        String packagePath = type.getPackageName().replace('.', '/');
        try {
            Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.list(root.resolve(packagePath))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    entries.put(packagePath + "/" + file.getFileName(), Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /**
     * @param path the entry path
     * @param text its UTF-8 content
     * @return this builder
     */
    public BundleJar resource(String path, String text) {
        entries.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Writes the jar.
     *
     * @param file the target file
     * @return the file
     */
    public Path writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    jar.putNextEntry(new JarEntry(entry.getKey()));
                    jar.write(entry.getValue());
                    jar.closeEntry();
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
