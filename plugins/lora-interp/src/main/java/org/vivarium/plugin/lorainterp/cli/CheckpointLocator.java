package org.vivarium.plugin.lorainterp.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CheckpointArgument;

/**
 * Resolves the model to interpret an adapter with: {@code --checkpoint} (a checkpoint directory, or a run
 * directory holding {@code checkpoint/}), else the adapter directory itself when it is a checkpoint (a fine-tune
 * writes the adapter beside the merged weights), else none.
 */
final class CheckpointLocator {
    private CheckpointLocator() {
    }

    /**
     * Resolves the checkpoint.
     *
     * @param workDir the directory relative paths resolve against
     * @param arg the {@code --checkpoint} value, or null
     * @param adapterDir the resolved adapter directory
     * @return the checkpoint directory, if any
     * @throws VivariumException if {@code --checkpoint} names no directory
     */
    static Optional<Path> resolve(Path workDir, String arg, Path adapterDir) {
        if (arg == null) {
            return CheckpointArgument.isCheckpoint(adapterDir) ? Optional.of(adapterDir) : Optional.empty();
        }
        return Optional.of(CheckpointArgument.resolve(workDir, arg,
                "pass the checkpoint the adapter was trained on (or its merged checkpoint)"));
    }
}
