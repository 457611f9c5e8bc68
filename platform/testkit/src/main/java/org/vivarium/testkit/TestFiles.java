package org.vivarium.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.vivarium.report.io.JsonReader;

/** Files and directories for tests that outlive one test method (JUnit's {@code @TempDir} covers the rest). */
public final class TestFiles {
    private static Path scratchRoot;

    private TestFiles() {
    }

    /**
     * Makes a fresh directory under one temporary root per test JVM; the root and everything in it is deleted when
     * the JVM exits. For fixtures shared by several test classes, which a {@code @TempDir} cannot hold.
     *
     * @param prefix the start of the directory's name
     * @return the new, empty directory
     */
    public static synchronized Path scratchDir(String prefix) {
        try {
            if (scratchRoot == null) {
                Path root = Files.createTempDirectory("vivarium-testkit");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root), "vivarium-testkit-files"));
                scratchRoot = root;
            }
            return Files.createTempDirectory(scratchRoot, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes a directory and everything below it; nothing happens if it does not exist.
     *
     * @param dir the directory
     * @throws IOException if a file cannot be deleted
     */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // best effort at exit: the OS temp directory is cleaned eventually
        }
    }

    /**
     * Reads a JSON file whose top level is an object (e.g. a command's {@code probes.json}).
     *
     * @param file the file
     * @return the object: maps, lists, strings, doubles, booleans and nulls
     * @throws IOException if it cannot be read
     * @throws ClassCastException if the top level is not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readJson(Path file) throws IOException {
        return (Map<String, Object>) JsonReader.parse(Files.readString(file));
    }
}
