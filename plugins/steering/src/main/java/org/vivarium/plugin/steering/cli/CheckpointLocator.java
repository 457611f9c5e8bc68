package org.vivarium.plugin.steering.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vivarium.api.VivariumException;

/** Resolves the {@code CKPT} argument: a checkpoint directory or a run directory holding {@code checkpoint/}. */
public final class CheckpointLocator {
    private static final String CONFIG = "config.json";
    private static final String INNER = "checkpoint";

    private CheckpointLocator() {
    }

    /**
     * Resolves the checkpoint directory.
     *
     * @param workDir the directory relative paths resolve against
     * @param arg the path as typed
     * @return the checkpoint directory (loading it reports missing files, if any)
     * @throws VivariumException if the path is not a directory
     */
    public static Path resolve(Path workDir, String arg) {
        Path given = workDir.resolve(arg).normalize();
        if (!Files.isDirectory(given)) {
            throw new VivariumException("checkpoint " + arg + " does not exist",
                    "pass a checkpoint or run directory, e.g. one from "
                            + "'viv organism train backdoor --out runs/backdoor'");
        }
        Path inner = given.resolve(INNER);
        return !Files.isRegularFile(given.resolve(CONFIG)) && Files.isDirectory(inner) ? inner : given;
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
