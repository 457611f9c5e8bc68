package org.vivarium.plugin.circuits.induction;

import java.util.SplittableRandom;
import org.vivarium.api.VivariumException;
import org.vivarium.plugin.circuits.metric.SpanLoss;

/**
 * Repeated random tokens, the standard probe for induction (Olsson et al. 2022): each clean sequence is a block
 * {@code A} of {@code half} uniformly random token ids followed by {@code A} again; its corrupted twin is
 * {@code B A} with a fresh block {@code B}, so the second half has the same tokens but no earlier occurrence to
 * copy from. Built from the vocabulary size alone; no organism data is needed.
 *
 * @param clean {@code [n][2 * half]} sequences {@code A A}
 * @param corrupted {@code [n][2 * half]} sequences {@code B A}
 * @param half the block length
 */
public record RepeatedSequences(int[][] clean, int[][] corrupted, int half) {

    /**
     * Draws sequences.
     *
     * @param vocab token ids are drawn from {@code 0..vocab-1}
     * @param count number of sequences
     * @param half block length, at least 3
     * @param seed random seed
     * @return the sequences
     */
    public static RepeatedSequences random(int vocab, int count, int half, long seed) {
        if (half < 3 || vocab < 2 || count < 1) {
            throw new VivariumException("repeated random sequences need a block of >= 3 tokens and a vocabulary of"
                    + " >= 2, got block " + half + ", vocabulary " + vocab, "use a model with n_ctx >= 6");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] clean = new int[count][2 * half];
        int[][] corrupted = new int[count][2 * half];
        for (int b = 0; b < count; b++) {
            for (int i = 0; i < half; i++) {
                int a = rnd.nextInt(vocab);
                clean[b][i] = a;
                clean[b][half + i] = a;
                corrupted[b][half + i] = a;
                corrupted[b][i] = rnd.nextInt(vocab);
            }
        }
        return new RepeatedSequences(clean, corrupted, half);
    }

    /** @return number of sequences */
    public int size() {
        return clean.length;
    }

    /**
     * Keeps some rows (e.g. a {@link org.vivarium.api.audit.Split} part).
     *
     * @param idx row indices
     * @return the subset
     */
    public RepeatedSequences rows(int[] idx) {
        int[][] c = new int[idx.length][];
        int[][] k = new int[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            c[i] = clean[idx[i]];
            k[i] = corrupted[idx[i]];
        }
        return new RepeatedSequences(c, k, half);
    }

    /**
     * The in-context loss: tokens {@code half+1 .. 2*half-1} of the clean sequences, the ones an induction head can
     * predict (the first token of the repeat cannot be).
     *
     * @return the metric
     */
    public SpanLoss repeatLoss() {
        return new SpanLoss(clean, half + 1, 2 * half);
    }

    /**
     * The loss on the first copy (tokens {@code 1 .. half-1}), which nothing in context predicts.
     *
     * @return the metric
     */
    public SpanLoss firstLoss() {
        return new SpanLoss(clean, 1, half);
    }
}
