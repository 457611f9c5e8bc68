package org.vivarium.runtime.train;

import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.train.TokenBatch;

/**
 * One training batch: token ids, an optional mask saying which next-token predictions count towards the loss
 * (e.g. only assistant answers in a dialogue, only the repeated part of a sequence), and optional vectors added to
 * activations of some rows ({@link RowInjection}, e.g. another model's activation at a placeholder token).
 *
 * @param tokens {@code [batch][pos]} token ids, rectangular
 * @param targetMask {@code [batch][pos-1]}: entry {@code j} weights the prediction of token {@code j+1}
 *     from position {@code j}; {@code null} counts every prediction
 * @param injections vectors added in the forward pass (see {@link InjectionSites}); empty for none
 */
public record Batch(int[][] tokens, float[][] targetMask, List<RowInjection> injections) {
    /** Validates the mask shape and the injections' rows and positions. */
    public Batch {
        injections = injections == null ? List.of() : List.copyOf(injections);
        new TokenBatch(tokens, targetMask); // the API record checks the mask
        for (RowInjection in : injections) {
            if (in.row() < 0 || in.row() >= tokens.length || in.position() < 0 || in.position() >= tokens[0].length) {
                throw new VivariumException("injection at row " + in.row() + ", position " + in.position()
                        + " is outside the " + tokens.length + " x " + tokens[0].length + " batch",
                        "inject within the batch's tokens");
            }
        }
    }

    /**
     * A batch without injections.
     *
     * @param tokens token ids
     * @param targetMask the loss mask, or {@code null} for every prediction
     */
    public Batch(int[][] tokens, float[][] targetMask) {
        this(tokens, targetMask, List.of());
    }

    /**
     * The runtime's view of an API batch (no injections).
     *
     * @param b the batch a {@link org.vivarium.api.train.BatchSource} gave
     * @return the batch
     */
    public static Batch of(TokenBatch b) {
        return new Batch(b.tokens(), b.targetMask());
    }

    /**
     * A batch where every prediction counts.
     *
     * @param tokens token ids
     * @return the batch
     */
    public static Batch of(int[][] tokens) {
        return new Batch(tokens, null);
    }
}
