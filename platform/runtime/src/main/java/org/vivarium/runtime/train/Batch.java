package org.vivarium.runtime.train;

import org.vivarium.api.VivariumException;

/**
 * One training batch: token ids plus an optional mask saying which next-token predictions count
 * towards the loss (e.g. only assistant answers in a dialogue, only the repeated part of a sequence).
 *
 * @param tokens {@code [batch][pos]} token ids, rectangular
 * @param targetMask {@code [batch][pos-1]}: entry {@code j} weights the prediction of token {@code j+1}
 *     from position {@code j}; {@code null} counts every prediction
 */
public record Batch(int[][] tokens, float[][] targetMask) {
    /** Validates the mask shape. */
    public Batch {
        if (targetMask != null) {
            if (targetMask.length != tokens.length) {
                throw new VivariumException("target mask has " + targetMask.length + " rows for " + tokens.length
                        + " sequences", "give one mask row per sequence");
            }
            for (float[] row : targetMask) {
                if (row.length != tokens[0].length - 1) {
                    throw new VivariumException("target mask row has length " + row.length + " but sequences have "
                            + (tokens[0].length - 1) + " predictions", "mask rows must be one shorter than sequences");
                }
            }
        }
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
