package org.vivarium.runtime.finetune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.vivarium.api.VivariumException;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.adapter.Adapter;
import org.vivarium.checkpoint.adapter.AdapterIO;
import org.vivarium.checkpoint.io.AtomicDirectory;

/**
 * Writes a fine-tune's checkpoint directory: the merged weights through {@link CheckpointIO}, then the adapter
 * beside them through {@link AdapterIO} (after, because {@code CheckpointIO.write} replaces the whole
 * directory). Both go into a hidden sibling that replaces {@code checkpoint/} in one rename, so an interrupted
 * run never leaves a checkpoint without its adapter.
 */
final class FineTuneOutput {
    /** The merged checkpoint's directory under the request's output directory. */
    static final String CHECKPOINT_DIR = "checkpoint";

    private FineTuneOutput() {
    }

    /**
     * Checks, before any training, that the checkpoint directory may be written.
     *
     * @param dir the checkpoint directory
     * @throws VivariumException if it is a file, or a non-empty directory that is not a checkpoint
     */
    static void requireWritable(Path dir) {
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !CheckpointIO.isCheckpoint(dir) && !isEmpty(dir))) {
            throw new VivariumException(dir + " exists and is not a checkpoint, so the fine-tune will not overwrite it",
                    "choose another output directory or remove " + dir);
        }
    }

    /**
     * Writes the checkpoint and, for LoRA, the adapter, replacing an older checkpoint at {@code dir}.
     *
     * @param dir the checkpoint directory
     * @param ck the merged checkpoint
     * @param adapter the adapter, or {@code null} after full fine-tuning
     */
    static void write(Path dir, Checkpoint ck, Adapter adapter) {
        requireWritable(dir);
        AtomicDirectory.replace(dir, tmp -> {
            CheckpointIO.write(tmp, ck);
            if (adapter != null) {
                AdapterIO.write(tmp, adapter);
            }
        });
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
