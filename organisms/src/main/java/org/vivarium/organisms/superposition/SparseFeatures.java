package org.vivarium.organisms.superposition;

import java.util.SplittableRandom;

/**
 * Draws the toy model's inputs: each feature is 0 with probability S (the sparsity) and otherwise
 * uniform in [0, 1], independently. The ground-truth features are the standard basis.
 */
public final class SparseFeatures {
    private final int n;
    private final double density;
    private final SplittableRandom rng;

    /**
     * Creates a generator.
     *
     * @param n features
     * @param density {@code 1 - S}, the probability that a feature is present, in (0, 1]
     * @param rng the random source (owned by this generator)
     * @throws IllegalArgumentException if the density is outside (0, 1]
     */
    public SparseFeatures(int n, double density, SplittableRandom rng) {
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("feature density 1-S must be in (0, 1], got " + density);
        }
        this.n = n;
        this.density = density;
        this.rng = rng;
    }

    /**
     * Fills a batch in place.
     *
     * @param batch {@code [batch][n]}
     */
    public void fill(double[][] batch) {
        for (double[] x : batch) {
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextDouble() < density ? rng.nextDouble() : 0;
            }
        }
    }

    /**
     * Draws a new batch.
     *
     * @param size rows
     * @return {@code [size][n]}
     */
    public double[][] batch(int size) {
        double[][] out = new double[size][n];
        fill(out);
        return out;
    }
}
