package org.vivarium.launcher.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * One Felix bundle cache per process ({@code felix-cache/run-<pid>}), so a {@code viv plugin watch}
 * and a one-shot {@code viv} command can share a home without overwriting each other's cache. Caches
 * of processes that are gone are deleted on the next start.
 */
final class CacheDirectory {

    private static final String PREFIX = "run-";

    private CacheDirectory() {
    }

    /**
     * Creates this process's cache directory and removes stale ones.
     *
     * @param root the cache root, e.g. {@code <home>/felix-cache}
     * @return the directory for this process
     */
    static Path create(Path root) {
        try {
            Files.createDirectories(root);
            removeStale(root);
            Path dir = root.resolve(PREFIX + ProcessHandle.current().pid());
            deleteTree(dir);
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bundle cache under " + root, e);
        }
    }

    private static void removeStale(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (name.startsWith(PREFIX) && !alive(name.substring(PREFIX.length()))) {
                    deleteTree(dir);
                }
            }
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not ours: leave it alone
        }
    }

    /**
     * Deletes a directory tree; a missing directory is fine.
     *
     * @param dir the directory
     * @throws IOException if a file cannot be deleted
     */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
