package org.vivarium.launcher.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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

    /** @return where replaced jars are kept: {@code .replaced/} inside the plugin directory */
    Path backups() {
        return directory.resolve(".replaced");
    }

    /**
     * Copies a jar that is about to be replaced to {@link #backups()}, under its name plus a time stamp.
     *
     * @param jar a jar of this directory
     * @return the copy, e.g. {@code plugins/.replaced/probes-20260101-120000.jar}
     */
    Path backUp(Path jar) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String name = nameOf(jar.getFileName().toString());
        try {
            Files.createDirectories(backups());
            Path copy = backups().resolve(name + "-" + stamp + JAR);
            for (int i = 2; Files.exists(copy); i++) {
                copy = backups().resolve(name + "-" + stamp + "-" + i + JAR);
            }
            return Files.copy(jar, copy, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a copy of " + jar + " in " + backups()
                    + "; nothing was replaced", e);
        }
    }

    /**
     * @param a a file
     * @param b another file
     * @return whether both exist and hold the same bytes
     */
    boolean sameContent(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false;
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
