package org.vivarium.api.train;

import org.vivarium.api.VivariumException;

/**
 * One pretraining batch as plain token rows, with an optional mask saying which next-token predictions count
 * towards the loss (e.g. only the answers of a dialogue, only the repeated half of a sequence).
 *
 * <pre>{@code
 * TokenBatch all = TokenBatch.of(new int[][] {{5, 9, 2, 7}, {1, 1, 3, 8}});   // every prediction counts
 * TokenBatch last = new TokenBatch(new int[][] {{5, 9, 2, 7}},
 *         new float[][] {{0, 0, 1}});                                       // only 2 -> 7 counts
 * }</pre>
 *
 * <p>The arrays are not copied: a {@link BatchSource} hands over fresh arrays and does not change them later.
 *
 * @param tokens {@code [batch][pos]} token ids, rectangular, at least two positions
 * @param targetMask {@code [batch][pos-1]}: entry {@code j} weights the prediction of token {@code j+1}
 *     from position {@code j}; {@code null} counts every prediction
 */
public record TokenBatch(int[][] tokens, float[][] targetMask) {
    /** Checks that the mask, if any, has one row per sequence, each one shorter than the sequences. */
    public TokenBatch {
        if (tokens == null || tokens.length == 0) {
            throw new VivariumException("a training batch has no sequences", "give at least one token row");
        }
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
    public static TokenBatch of(int[][] tokens) {
        return new TokenBatch(tokens, null);
    }

    /** @return the number of tokens in the batch (rows times positions) */
    public long tokenCount() {
        return (long) tokens.length * tokens[0].length;
    }
}
