package org.vivarium.runtime.tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;

/**
 * The tokenizer a checkpoint directory is run with: an imported model's Hugging Face tokenizer when the directory
 * holds {@value CheckpointIO#HF_TOKENIZER_FILE}, else the checkpoint's own; and carrying that file over to checkpoints
 * derived from it (fine-tunes).
 */
public final class CheckpointTokenizers {
    private CheckpointTokenizers() {
    }

    /**
     * Picks the tokenizer for a checkpoint read from {@code dir}.
     *
     * @param dir the checkpoint directory
     * @param c the checkpoint read from it
     * @return the Hugging Face tokenizer if the directory has one, else {@code c.tokenizer()}
     */
    public static Tokenizer of(Path dir, Checkpoint c) {
        Path hf = dir.resolve(CheckpointIO.HF_TOKENIZER_FILE);
        return Files.isRegularFile(hf) ? HfTokenizer.load(hf, c.config().dVocab()) : c.tokenizer();
    }

    /**
     * Copies the Hugging Face tokenizer of a base checkpoint, if it has one, into a checkpoint derived from it.
     *
     * @param base the base checkpoint directory
     * @param derived the derived checkpoint directory (already written)
     */
    public static void carryOver(Path base, Path derived) {
        Path hf = base.resolve(CheckpointIO.HF_TOKENIZER_FILE);
        if (!Files.isRegularFile(hf)) {
            return;
        }
        try {
            Files.copy(hf, derived.resolve(CheckpointIO.HF_TOKENIZER_FILE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new VivariumException("cannot copy " + hf + " into " + derived + " (" + e.getMessage() + ")",
                    "check free space and permissions, then copy it by hand", e);
        }
    }
}
