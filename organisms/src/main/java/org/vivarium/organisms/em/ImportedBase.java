package org.vivarium.organisms.em;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.vivarium.api.VivariumException;
import org.vivarium.checkpoint.CheckpointIO;

/**
 * An existing decoder checkpoint (e.g. a Hugging Face model brought in with {@code viv import hf}) adopted as the em
 * organism's base instead of training one: its files are copied to the run's base checkpoint directory, so the
 * fine-tunes, checks and audits find it where a trained base would be.
 */
final class ImportedBase {
    private ImportedBase() {
    }

    /**
     * Copies a checkpoint directory.
     *
     * @param from the checkpoint to adopt
     * @param to the run's base checkpoint directory (replaced)
     * @return {@code to}
     * @throws VivariumException if {@code from} is not a checkpoint or copying fails
     */
    static Path adopt(Path from, Path to) {
        if (!CheckpointIO.isCheckpoint(from)) {
            throw new VivariumException("--base " + from + " is not a Vivarium checkpoint (no model.safetensors)",
                    "import a Hugging Face model first with 'viv import hf DIR --out CKPT', then pass --base CKPT");
        }
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new VivariumException("cannot copy the base checkpoint " + from + " to " + to + " ("
                    + e.getMessage() + ")", "check free space and permissions", e);
        }
        return to;
    }
}
