package org.vivarium.api.method;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vivarium.api.VivariumException;

/**
 * The {@code CKPT} argument of a method command: a checkpoint directory (holding {@code config.json}) or a run
 * directory holding {@code checkpoint/}, as {@code viv organism train --out DIR} writes it.
 *
 * <pre>{@code
 * Path ckpt = CheckpointArgument.resolve(ctx.workDir(), "runs/lm", "pass a run from 'viv organism train lm'");
 * String name = CheckpointArgument.modelName(ckpt); // "lm"
 * }</pre>
 */
public final class CheckpointArgument {
    private static final String CONFIG = "config.json";
    private static final String INNER = "checkpoint";

    private CheckpointArgument() {
    }

    /**
     * Resolves the checkpoint directory.
     *
     * @param workDir the directory relative paths resolve against
     * @param arg the path as typed
     * @param fix what to tell the user if the path is not a directory
     * @return the checkpoint directory (loading it reports missing files, if any)
     * @throws VivariumException if the path is not a directory
     */
    public static Path resolve(Path workDir, String arg, String fix) {
        Path given = workDir.resolve(arg).normalize();
        if (!Files.isDirectory(given)) {
            throw new VivariumException("checkpoint " + arg + " does not exist", fix);
        }
        Path inner = given.resolve(INNER);
        return !isCheckpoint(given) && Files.isDirectory(inner) ? inner : given;
    }

    /**
     * Tells whether a directory is itself a checkpoint.
     *
     * @param dir the directory
     * @return whether it holds {@code config.json}
     */
    public static boolean isCheckpoint(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
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
