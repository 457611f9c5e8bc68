package org.vivarium.organisms.lm;

import java.util.SplittableRandom;
import org.vivarium.api.train.BatchSource;
import org.vivarium.api.train.TokenBatch;

/**
 * Random fixed-length windows from a token stream. The batch of a step depends only on (seed, step).
 */
public final class TextWindows implements BatchSource {
    private final int[] ids;
    private final int from;
    private final int to;
    private final int length;
    private final long seed;
    private final String hash;

    /**
     * Creates the source over {@code ids[from, to)}.
     *
     * @param ids token stream
     * @param from first usable index
     * @param to end index (exclusive)
     * @param length window length
     * @param seed data seed
     * @param hash data hash for provenance
     */
    public TextWindows(int[] ids, int from, int to, int length, long seed, String hash) {
        if (to - from <= length) {
            throw new IllegalArgumentException("range of " + (to - from) + " tokens is too short for windows of "
                    + length);
        }
        this.ids = ids;
        this.from = from;
        this.to = to;
        this.length = length;
        this.seed = seed;
        this.hash = hash;
    }

    @Override
    public TokenBatch batch(int step, int batchSize) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        int[][] out = new int[batchSize][length];
        for (int[] row : out) {
            int start = from + r.nextInt(to - from - length);
            System.arraycopy(ids, start, row, 0, length);
        }
        return TokenBatch.of(out);
    }

    /**
     * Consecutive, non-overlapping windows for evaluation.
     *
     * @param count how many (at most)
     * @return {@code [count][length]}
     */
    public int[][] sequential(int count) {
        int n = Math.min(count, (to - from) / length);
        int[][] out = new int[n][length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(ids, from + i * length, out[i], 0, length);
        }
        return out;
    }

    @Override
    public String dataHash() {
        return hash;
    }
}
