package org.vivarium.runtime.train;

import java.util.SplittableRandom;

/** A learnable toy task: each sequence counts upward modulo the vocabulary from a random start. */
final class CountingTask implements BatchSource {
    private final long seed;
    private final int vocab;
    private final int len;

    CountingTask(long seed, int vocab, int len) {
        this.seed = seed;
        this.vocab = vocab;
        this.len = len;
    }

    @Override
    public Batch batch(int step, int batchSize) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + step);
        int[][] out = new int[batchSize][len];
        for (int[] row : out) {
            int s = r.nextInt(vocab);
            for (int i = 0; i < len; i++) {
                row[i] = (s + i) % vocab;
            }
        }
        return Batch.of(out);
    }

    @Override
    public String dataHash() {
        return "counting:" + seed + ":" + vocab + ":" + len;
    }
}
