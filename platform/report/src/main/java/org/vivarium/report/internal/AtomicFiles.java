package org.vivarium.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import org.vivarium.api.VivariumException;

/**
 * Writes files so readers never see a half-written one: the content goes to a temporary file in the
 * target's directory, which is then renamed over the target.
 */
public final class AtomicFiles {

    /** Produces the file content onto a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param out the stream to write to; the caller closes it
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes a UTF-8 text file atomically.
     *
     * @param target the file to create or replace
     * @param text the content
     * @param what a short noun for error messages, e.g. {@code "CSV table"}
     */
    public static void writeString(Path target, String text, String what) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), what);
    }

    /**
     * Writes a file atomically, creating missing parent directories.
     *
     * @param target the file to create or replace
     * @param content produces the bytes
     * @param what a short noun for error messages, e.g. {@code "plot"}
     * @throws VivariumException if the directory cannot be created or the file cannot be written
     */
    public static void write(Path target, Content content, String what) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // createFile (not createTempFile) so the result gets the usual umask permissions, not 0600
            tmp = Files.createFile(dir.resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + ThreadLocalRandom.current().nextInt(1 << 20) + ".tmp"));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new VivariumException("cannot write " + what + " to " + target + " (" + e + ")",
                    "check that the directory exists, is writable and has free space", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp file is hidden and named after the target
                }
            }
        }
    }
}
