package org.vivarium.plugin.sae.train;

import java.util.SplittableRandom;
import org.vivarium.plugin.sae.math.SaeWeights;

/** Seeded weights with nonzero biases and Gaussian input rows for the numeric tests of this package. */
final class RandomSae {
    private RandomSae() {
    }

    /**
     * The standard initialisation with uniform random biases (encoder bias first, then decoder bias).
     *
     * @param d input width
     * @param n latents
     * @param seed the weights' seed
     * @param r draws the biases
     * @param bEncLow lowest encoder bias
     * @param bEncHigh highest encoder bias
     * @param bDecHalfWidth decoder biases lie in {@code [-bDecHalfWidth, bDecHalfWidth)}
     * @return the weights
     */
    static SaeWeights weights(int d, int n, long seed, SplittableRandom r, double bEncLow, double bEncHigh,
            double bDecHalfWidth) {
        SaeWeights w = SaeWeights.init(d, n, seed);
        for (int i = 0; i < n; i++) {
            w.bEnc()[i] = (float) r.nextDouble(bEncLow, bEncHigh);
        }
        for (int j = 0; j < d; j++) {
            w.bDec()[j] = (float) r.nextDouble(-bDecHalfWidth, bDecHalfWidth);
        }
        return w;
    }

    /**
     * @param rows how many
     * @param d width
     * @param r the draws
     * @return standard Gaussian rows
     */
    static float[][] gaussianRows(int rows, int d, SplittableRandom r) {
        float[][] batch = new float[rows][d];
        for (float[] x : batch) {
            for (int j = 0; j < d; j++) {
                x[j] = (float) SaeWeights.gaussian(r);
            }
        }
        return batch;
    }
}
