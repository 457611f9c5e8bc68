package org.vivarium.report.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.vivarium.api.VivariumException;

/** Writes a text file atomically: a temporary file in the same directory, then a rename. */
public final class AtomicText {
    private AtomicText() {
    }

    /**
     * Creates or replaces a UTF-8 text file; readers never see it half-written.
     *
     * @param file the target; missing parent directories are created
     * @param text the content
     * @throws VivariumException if the file cannot be written
     */
    public static void write(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new VivariumException("cannot write " + file + ": " + e.getMessage(),
                    "check that the output directory is writable, or pass another --out", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a leftover .tmp file is harmless
                }
            }
        }
    }
}
