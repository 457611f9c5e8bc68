package org.vivarium.plugin.circuits.cli;

import java.nio.file.Path;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CheckpointArgument;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Tokenizer;

/** Argument handling the three commands share: the checkpoint, the output directory, prompts and tokens. */
final class CommandInputs {
    private CommandInputs() {
    }

    static Path checkpoint(CommandInput a, Path workDir) {
        return CheckpointArgument.resolve(workDir, a.onlyPositional("a checkpoint directory (CKPT)"),
                "pass a checkpoint or run directory, e.g. one from 'viv organism train induction --out runs/induction'");
    }

    static Path out(CommandInput a, Path workDir, Path checkpoint, String command) {
        return a.path("out", workDir).orElse(workDir.resolve("runs").resolve("circuits")
                .resolve(CheckpointArgument.modelName(checkpoint)).resolve(command)).normalize();
    }

    /**
     * Encodes a prompt and checks it fits the model.
     *
     * @param tok the tokenizer
     * @param cfg the model
     * @param text the prompt
     * @param option the option it came from, for messages
     * @return its token ids
     */
    static int[] prompt(Tokenizer tok, ModelConfig cfg, String text, String option) {
        int[] ids = tok.encode(text);
        if (ids.length == 0) {
            throw new VivariumException("--" + option + " encodes to no tokens", "pass a non-empty prompt");
        }
        if (ids.length > cfg.nCtx()) {
            throw new VivariumException("--" + option + " is " + ids.length + " tokens but the model's context is "
                    + cfg.nCtx(), "shorten the prompt");
        }
        return ids;
    }

    /**
     * Encodes a single token, as it continues a prompt: without the special tokens a tokenizer puts before a whole
     * text (a Llama-style BOS), so {@code --answer w7} is the one token {@code w7}.
     *
     * @param tok the tokenizer
     * @param text the token's text, as the tokenizer encodes it
     * @param option the option it came from
     * @return its id
     * @throws VivariumException unless the text is exactly one token
     */
    static int token(Tokenizer tok, String text, String option) {
        int[] ids = tok.encodeContinuation(text);
        if (ids.length != 1) {
            throw new VivariumException("--" + option + " \"" + text + "\" encodes to " + ids.length + " tokens",
                    "pass text that is exactly one token of this " + tok.kind() + " tokenizer");
        }
        return ids[0];
    }

    /** @return {@code t17 (17)}-style display of a token */
    static String show(Tokenizer tok, int id) {
        return "'" + tok.tokenText(id).replace("\n", "\\n") + "'";
    }
}
