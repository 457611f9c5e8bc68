package org.vivarium.runtime.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Picks the next token from a logit vector: greedy, temperature and top-k sampling. */
final class Sampler {
    private final float temperature;
    private final int topK;
    private final SplittableRandom rnd;

    Sampler(float temperature, int topK, long seed) {
        this.temperature = temperature;
        this.topK = topK;
        this.rnd = new SplittableRandom(seed);
    }

    int next(float[] logits) {
        if (temperature == 0f) {
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            return best;
        }
        float cutoff = Float.NEGATIVE_INFINITY;
        if (topK > 0 && topK < logits.length) {
            float[] sorted = logits.clone();
            Arrays.sort(sorted);
            cutoff = sorted[sorted.length - topK];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = logits[i] < cutoff ? 0 : Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        double u = rnd.nextDouble() * sum;
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u <= 0) {
                return i;
            }
        }
        return p.length - 1;
    }
}
