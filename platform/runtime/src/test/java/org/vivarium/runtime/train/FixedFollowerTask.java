package org.vivarium.runtime.train;

import java.util.SplittableRandom;

/**
 * A toy task needing one output direction: random tokens at even positions, each followed by the same token;
 * only the predictions of that fixed token count towards the loss.
 */
final class FixedFollowerTask implements BatchSource {
    static final int FOLLOWER = 3;
    private final long seed;
    private final int vocab;
    private final int len;

    FixedFollowerTask(long seed, int vocab, int len) {
        this.seed = seed;
        this.vocab = vocab;
        this.len = len;
    }

    @Override
    public Batch batch(int step, int batchSize) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + step);
        int[][] tokens = new int[batchSize][len];
        float[][] mask = new float[batchSize][len - 1];
        for (int b = 0; b < batchSize; b++) {
            for (int i = 0; i < len; i++) {
                tokens[b][i] = i % 2 == 1 ? FOLLOWER : r.nextInt(vocab);
            }
            for (int j = 0; j < len - 1; j += 2) {
                mask[b][j] = 1f; // position j predicts the follower at j + 1
            }
        }
        return new Batch(tokens, mask);
    }

    @Override
    public String dataHash() {
        return "fixed-follower:" + seed + ":" + vocab + ":" + len;
    }
}
