package org.vivarium.checkpoint.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.vivarium.api.VivariumException;

/**
 * Writes files so that readers see either the old content or the complete new content, never a part.
 *
 * <pre>{@code
 * AtomicFiles.write(dir.resolve("config.json"), tmp -> Files.writeString(tmp, json));
 * }</pre>
 *
 * <p>The content goes to a hidden temp file in the target's directory, is flushed to disk and is then
 * renamed over the target. If anything fails the temp file is deleted and the old target is untouched.
 */
public final class AtomicFiles {

    /** Produces the content of a file or directory at a temporary path. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes the complete content to {@code tmp}.
         *
         * @param tmp the temporary path (an existing empty file or directory)
         * @throws IOException on write failure
         */
        void writeTo(Path tmp) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes a file atomically: {@code writer} fills a temp file that then replaces {@code target}.
     *
     * @param target the file to create or replace
     * @param writer fills the temp file
     * @throws VivariumException if the file cannot be written
     */
    public static void write(Path target, Writer writer) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, "." + abs.getFileName() + ".", ".tmp");
            writer.writeTo(tmp);
            force(tmp);
            move(tmp, abs);
            tmp = null;
        } catch (IOException e) {
            throw writeFailure(target, e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * Writes bytes to a file atomically.
     *
     * @param target the file to create or replace
     * @param bytes the complete content
     */
    public static void writeBytes(Path target, byte[] bytes) {
        write(target, tmp -> Files.write(tmp, bytes));
    }

    /**
     * Writes UTF-8 text to a file atomically.
     *
     * @param target the file to create or replace
     * @param text the complete content
     */
    public static void writeString(Path target, String text) {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Renames {@code from} to {@code to} atomically, replacing {@code to} if it is a file.
     *
     * @param from the source path
     * @param to the destination path
     * @throws IOException if the rename fails
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes a file or a directory tree, ignoring paths that are already gone.
     *
     * @param path the file or directory
     * @throws IOException if something cannot be deleted
     */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes a file or directory tree, swallowing errors (for cleanup after a failure).
     *
     * @param path the file or directory
     */
    public static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException ignored) {
            // best effort: the original failure is what the user needs to see
        }
    }

    /**
     * Builds the standard one-line error for a failed write.
     *
     * @param target what was being written
     * @param e the cause
     * @return the exception to throw
     */
    public static VivariumException writeFailure(Path target, IOException e) {
        String why = e instanceof NoSuchFileException ? "no such file or directory " + e.getMessage()
                : String.valueOf(e.getMessage());
        return new VivariumException("could not write " + target + " (" + why + ")",
                "check free disk space and write permission for " + target.toAbsolutePath().getParent(), e);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
