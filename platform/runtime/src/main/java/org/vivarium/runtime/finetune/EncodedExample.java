package org.vivarium.runtime.finetune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.train.Injection;
import org.vivarium.api.train.TrainingExample;

/**
 * One training example as token ids: the prompt's tokens (possibly cut from the left to fit the context
 * window) followed by the completion's tokens, which start at {@code completionStart}; its injections' positions
 * index these tokens (shifted by the number of prompt tokens cut).
 *
 * @param tokens prompt then completion ids, at most {@code n_ctx} long
 * @param completionStart index of the first completion token
 * @param injections the example's injections, positions relative to {@code tokens}
 */
record EncodedExample(int[] tokens, int completionStart, List<Injection> injections) {

    /**
     * An example without injections.
     *
     * @param tokens prompt then completion ids
     * @param completionStart index of the first completion token
     */
    EncodedExample(int[] tokens, int completionStart) {
        this(tokens, completionStart, List.of());
    }

    /**
     * Tokenizes an example as prompt + completion (the completion without special tokens, so a tokenizer that adds
     * a BOS adds it once, before the prompt) and fits it into the context window, dropping the oldest prompt tokens
     * first and never the completion.
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
        // the completion continues the prompt: no second BOS before it
        int[] completion = tokenizer.encodeContinuation(ex.completion());
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
        int cut = prompt.length - keep;
        List<Injection> injections = new ArrayList<>();
        for (Injection in : ex.injections()) {
            int p = in.position() - cut;
            if (in.position() >= prompt.length + completion.length) {
                throw new VivariumException("training example " + index + ": an injection at " + in.hook()
                        + " is at position " + in.position() + " but the example has only "
                        + (prompt.length + completion.length) + " tokens", "inject at a position of the example's tokens");
            }
            if (p < 0) {
                throw new VivariumException("training example " + index + ": its injection at position "
                        + in.position() + " falls in the " + cut + " prompt tokens cut to fit n_ctx=" + nCtx,
                        "shorten the prompt so the injected token fits the context window");
            }
            injections.add(p == in.position() ? in : new Injection(in.hook(), p, in.vector()));
        }
        EncodedExample e = new EncodedExample(tokens, keep, List.copyOf(injections));
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
                && Arrays.equals(tokens, e.tokens) && injections.equals(e.injections);
    }

    @Override
    public int hashCode() {
        return (31 * Arrays.hashCode(tokens) + completionStart) * 31 + injections.hashCode();
    }

    @Override
    public String toString() {
        return "EncodedExample" + Arrays.toString(tokens) + "@" + completionStart
                + (injections.isEmpty() ? "" : " " + injections);
    }
}
