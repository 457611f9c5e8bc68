package org.vivarium.launcher.organism;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vivarium.checkpoint.CheckpointIO;

/** Accepts either a checkpoint directory or a run directory that holds one in {@code checkpoint/}. */
public final class CheckpointPaths {
    private CheckpointPaths() {
    }

    /**
     * Resolves a user-given path to a checkpoint directory.
     *
     * @param given run or checkpoint directory
     * @return the checkpoint directory (loading it reports what is missing, if anything)
     */
    public static Path resolve(Path given) {
        Path inner = given.resolve("checkpoint");
        if (!CheckpointIO.isCheckpoint(given) && Files.isDirectory(inner)) {
            return inner;
        }
        return given;
    }
}
