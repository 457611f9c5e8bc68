package org.vivarium.plugin.lorainterp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vivarium.api.VivariumException;

/**
 * Resolves the model to interpret an adapter with: {@code --checkpoint} (a checkpoint directory, or a run
 * directory holding {@code checkpoint/}), else the adapter directory itself when it is a checkpoint (a fine-tune
 * writes the adapter beside the merged weights), else none.
 */
public final class CheckpointLocator {
    private static final String CONFIG = "config.json";
    private static final String INNER = "checkpoint";

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
    public static Optional<Path> resolve(Path workDir, String arg, Path adapterDir) {
        if (arg == null) {
            return Files.isRegularFile(adapterDir.resolve(CONFIG)) ? Optional.of(adapterDir) : Optional.empty();
        }
        Path given = workDir.resolve(arg).normalize();
        if (!Files.isDirectory(given)) {
            throw new VivariumException("checkpoint " + arg + " does not exist",
                    "pass the checkpoint the adapter was trained on (or its merged checkpoint)");
        }
        Path inner = given.resolve(INNER);
        return Optional.of(!Files.isRegularFile(given.resolve(CONFIG)) && Files.isDirectory(inner) ? inner : given);
    }

    /**
     * Names the model after its run directory: {@code runs/x/checkpoint} and {@code runs/x} are both {@code x}.
     *
     * @param checkpoint the resolved checkpoint directory
     * @return a short name
     */
    public static String modelName(Path checkpoint) {
        Path p = checkpoint.toAbsolutePath().normalize();
        Path name = p.getFileName();
        if (name != null && name.toString().equals(INNER) && p.getParent() != null
                && p.getParent().getFileName() != null) {
            name = p.getParent().getFileName();
        }
        return name == null ? "model" : name.toString();
    }
}
