package org.vivarium.organisms.induction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.vivarium.api.train.BatchSource;
import org.vivarium.api.train.TokenBatch;

/**
 * Training data for induction: each sequence is a block of {@code P} uniformly random tokens repeated
 * until the sequence is full, with the period {@code P} drawn per sequence. Only tokens after the first
 * block are predictable, and only by finding the earlier occurrence of the current token and copying
 * its successor. Because {@code P} varies, a fixed positional offset cannot solve the task: the model
 * has to grow a previous-token head and an induction head.
 */
public final class RepeatedTokens implements BatchSource {
    private final long seed;
    private final int vocab;
    private final int length;
    private final int minPeriod;
    private final int maxPeriod;

    /**
     * Creates the generator.
     *
     * @param seed data seed; the batch of a step depends only on (seed, step)
     * @param vocab number of symbols
     * @param length sequence length
     * @param minPeriod shortest repeated block
     * @param maxPeriod longest repeated block (at most {@code length / 2})
     */
    public RepeatedTokens(long seed, int vocab, int length, int minPeriod, int maxPeriod) {
        if (minPeriod < 2 || maxPeriod < minPeriod || 2 * maxPeriod > length) {
            throw new IllegalArgumentException("need 2 <= minPeriod <= maxPeriod <= length/2, got " + minPeriod
                    + ".." + maxPeriod + " for length " + length);
        }
        this.seed = seed;
        this.vocab = vocab;
        this.length = length;
        this.minPeriod = minPeriod;
        this.maxPeriod = maxPeriod;
    }

    @Override
    public TokenBatch batch(int step, int batchSize) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        int[][] tokens = new int[batchSize][length];
        float[][] mask = new float[batchSize][length - 1];
        for (int b = 0; b < batchSize; b++) {
            int period = minPeriod + rnd.nextInt(maxPeriod - minPeriod + 1);
            for (int i = 0; i < period; i++) {
                tokens[b][i] = rnd.nextInt(vocab);
            }
            for (int i = period; i < length; i++) {
                tokens[b][i] = tokens[b][i - period];
            }
            for (int j = period; j < length - 1; j++) {
                mask[b][j] = 1f;
            }
        }
        return new TokenBatch(tokens, mask);
    }

    /**
     * Evaluation sequences in the standard layout: {@code half} random tokens, then the same again.
     *
     * @param rnd the generator
     * @param vocab number of symbols
     * @param batchSize number of sequences
     * @param half length of one copy
     * @return {@code [batchSize][2 * half]} token ids
     */
    public static int[][] twoCopies(SplittableRandom rnd, int vocab, int batchSize, int half) {
        int[][] out = new int[batchSize][2 * half];
        for (int[] row : out) {
            for (int i = 0; i < half; i++) {
                row[i] = rnd.nextInt(vocab);
                row[i + half] = row[i];
            }
        }
        return out;
    }

    @Override
    public String dataHash() {
        String def = "repeated-tokens:v2:seed=" + seed + ":vocab=" + vocab + ":length=" + length + ":period="
                + minPeriod + ".." + maxPeriod;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(def.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
