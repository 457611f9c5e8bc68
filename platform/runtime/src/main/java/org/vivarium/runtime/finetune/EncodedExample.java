package org.vivarium.runtime.finetune;

import java.util.Arrays;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.train.TrainingExample;

/**
 * One training example as token ids: the prompt's tokens (possibly cut from the left to fit the context
 * window) followed by the completion's tokens, which start at {@code completionStart}.
 *
 * @param tokens prompt then completion ids, at most {@code n_ctx} long
 * @param completionStart index of the first completion token
 */
record EncodedExample(int[] tokens, int completionStart) {

    /**
     * Tokenizes an example as prompt + completion and fits it into the context window, dropping the oldest
     * prompt tokens first and never the completion.
     *
     * @param ex the example
     * @param index its position in the request, for messages
     * @param tokenizer the base checkpoint's tokenizer
     * @param nCtx the model's context length
     * @return the encoded example
     * @throws VivariumException if the completion cannot fit, or the example leaves no token to learn
     */
    static EncodedExample encode(TrainingExample ex, int index, Tokenizer tokenizer, int nCtx) {
        int[] prompt = tokenizer.encode(ex.prompt());
        int[] completion = tokenizer.encode(ex.completion());
        if (completion.length == 0) {
            throw new VivariumException("training example " + index + ": the completion encodes to no tokens",
                    "give every example a completion the checkpoint's tokenizer can encode");
        }
        int room = nCtx - (prompt.length > 0 ? 1 : 0);
        if (completion.length > room) {
            throw new VivariumException("training example " + index + ": its completion has " + completion.length
                    + " tokens but at most " + room + " fit the model's n_ctx=" + nCtx
                    + (prompt.length > 0 ? " after one prompt token" : ""),
                    "shorten the completion to at most " + room + " tokens or split the example");
        }
        int keep = Math.min(prompt.length, nCtx - completion.length);
        int[] tokens = new int[keep + completion.length];
        System.arraycopy(prompt, prompt.length - keep, tokens, 0, keep);
        System.arraycopy(completion, 0, tokens, keep, completion.length);
        EncodedExample e = new EncodedExample(tokens, keep);
        if (e.firstTarget() >= tokens.length) {
            throw new VivariumException("training example " + index + " has nothing to learn: its only completion"
                    + " token has no context before it", "give the example a prompt or a longer completion");
        }
        return e;
    }

    /** @return index of the first token whose prediction counts (a completion token with context before it) */
    int firstTarget() {
        return Math.max(1, completionStart);
    }

    /** @return the number of tokens */
    int length() {
        return tokens.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedExample e && completionStart == e.completionStart
                && Arrays.equals(tokens, e.tokens);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(tokens) + completionStart;
    }

    @Override
    public String toString() {
        return "EncodedExample" + Arrays.toString(tokens) + "@" + completionStart;
    }
}
