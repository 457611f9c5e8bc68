package org.vivarium.plugin.probes.math;

import java.util.Random;

/** Synthetic two-class Gaussian data separated along a known unit direction. */
final class GaussianData {
    final float[][] x;
    final int[] y;
    final float[] direction;

    private GaussianData(float[][] x, int[] y, float[] direction) {
        this.x = x;
        this.y = y;
        this.direction = direction;
    }

    /**
     * Class-balanced points {@code offset + noise + (±separation/2) * direction} with unit-variance noise.
     */
    static GaussianData generate(int n, int d, double separation, long seed) {
        Random r = new Random(seed);
        float[] u = new float[d];
        double norm = 0;
        for (int j = 0; j < d; j++) {
            u[j] = (float) r.nextGaussian();
            norm += u[j] * u[j];
        }
        for (int j = 0; j < d; j++) {
            u[j] /= (float) Math.sqrt(norm);
        }
        float[] offset = new float[d];
        for (int j = 0; j < d; j++) {
            offset[j] = (float) (3 * r.nextGaussian());
        }
        float[][] x = new float[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double shift = (y[i] == 1 ? 0.5 : -0.5) * separation;
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) (offset[j] + r.nextGaussian() + shift * u[j]);
            }
        }
        return new GaussianData(x, y, u);
    }

    /** The same points with labels permuted at random. */
    GaussianData shuffledLabels(long seed) {
        int[] s = y.clone();
        Random r = new Random(seed);
        for (int i = s.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return new GaussianData(x, s, direction);
    }
}
