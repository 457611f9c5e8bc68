package org.vivarium.launcher.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file side of the plugin directory: which {@code *.jar} files it holds (hidden files and our own
 * temporary copies are skipped) and atomic copies into it.
 */
final class PluginDirectory {

    private static final String JAR = ".jar";

    private final Path directory;

    /**
     * @param directory the plugin directory
     */
    PluginDirectory(Path directory) {
        this.directory = directory;
    }

    /** @return the directory */
    Path path() {
        return directory;
    }

    /**
     * @param name a plugin name
     * @return its jar in this directory
     */
    Path jar(String name) {
        return directory.resolve(name + JAR);
    }

    /** Creates the directory if it is missing. */
    void create() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugin directory " + directory, e);
        }
    }

    /** @return plugin name to fingerprint for every jar present now */
    Map<String, JarFingerprint> scan() {
        Map<String, JarFingerprint> found = new TreeMap<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, "*" + JAR)) {
            for (Path jar : jars) {
                String fileName = jar.getFileName().toString();
                if (!fileName.startsWith(".") && Files.isRegularFile(jar)) {
                    JarFingerprint.of(jar).ifPresent(fingerprint -> found.put(nameOf(fileName), fingerprint));
                }
            }
        } catch (NoSuchFileException e) {
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return found;
    }

    /**
     * Copies a jar in under a plugin name: to a hidden temporary file first, then an atomic rename, so
     * the watcher never sees half a jar.
     *
     * @param source the jar
     * @param name the plugin name
     * @return the jar in the directory
     */
    Path copyIn(Path source, String name) {
        Path target = jar(name);
        try {
            create();
            if (Files.exists(target) && Files.isSameFile(source, target)) {
                return target;
            }
            Path temp = Files.createTempFile(directory, "." + name, ".tmp");
            try {
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " into " + directory, e);
        }
    }

    /**
     * @param fileName a jar's file name, e.g. {@code probes.jar}
     * @return the plugin name, e.g. {@code probes}
     */
    static String nameOf(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(JAR)
                ? fileName.substring(0, fileName.length() - JAR.length()) : fileName;
    }
}
