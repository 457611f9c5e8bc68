package org.vivarium.checkpoint.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vivarium.api.VivariumException;

/**
 * Creates or replaces a whole directory so that it is never seen half-written.
 *
 * <pre>{@code
 * AtomicDirectory.replace(Path.of("runs/induction"), tmp -> {
 *     Files.writeString(tmp.resolve("config.json"), json);
 * });
 * }</pre>
 *
 * <p>The writer fills a hidden sibling {@code .NAME.tmp-*}. Only when it has finished is the old
 * directory renamed to a sibling {@code .NAME.old-*}, the new one renamed into place and the old one
 * deleted. A failure in the writer leaves the old directory untouched; a crash between the two renames
 * leaves the old content intact in the {@code .old-*} sibling (see {@link #findBackup(Path)}).
 */
public final class AtomicDirectory {
    private static final String TMP_INFIX = ".tmp-";
    private static final String OLD_INFIX = ".old-";

    private AtomicDirectory() {
    }

    /**
     * Writes a directory atomically, replacing {@code target} if it exists.
     *
     * @param target the directory to create or replace
     * @param writer fills the (empty) temp directory with the complete new content
     * @throws VivariumException if writing or renaming fails; the old directory is then kept
     */
    public static void replace(Path target, AtomicFiles.Writer writer) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        String name = abs.getFileName().toString();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + name + TMP_INFIX);
            writer.writeTo(tmp);
            swapIn(tmp, abs, parent, name);
            tmp = null;
        } catch (IOException e) {
            throw AtomicFiles.writeFailure(target, e);
        } finally {
            if (tmp != null) {
                AtomicFiles.deleteQuietly(tmp);
            }
        }
    }

    /**
     * Finds the copy of {@code target} left behind if a replace was interrupted between its renames.
     *
     * @param target the directory that was being replaced
     * @return the backup directory, or {@code null} if there is none
     */
    public static Path findBackup(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return null;
        }
        String prefix = "." + abs.getFileName() + OLD_INFIX;
        try (var entries = Files.list(parent)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(Files::isDirectory).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void swapIn(Path tmp, Path abs, Path parent, String name) throws IOException {
        if (!Files.exists(abs)) {
            AtomicFiles.move(tmp, abs);
            return;
        }
        Path old = Files.createTempDirectory(parent, "." + name + OLD_INFIX);
        Files.delete(old); // reserve a unique name, then move the old directory there
        AtomicFiles.move(abs, old);
        try {
            AtomicFiles.move(tmp, abs);
        } catch (IOException e) {
            AtomicFiles.move(old, abs); // put the old directory back
            throw e;
        }
        AtomicFiles.deleteQuietly(old);
    }
}
