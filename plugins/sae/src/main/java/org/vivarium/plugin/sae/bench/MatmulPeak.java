package org.vivarium.plugin.sae.bench;

import java.util.SplittableRandom;
import org.vivarium.plugin.sae.math.Vec;
import org.vivarium.plugin.sae.math.Workers;

/**
 * Measures the float matmul rate of the loop the SAE encoder uses ({@code out_r += x_rk * W_k}, one
 * {@link Vec#axpy} per input dimension, rows split over the workers): the reference peak for the
 * training throughput.
 */
public final class MatmulPeak {
    private MatmulPeak() {
    }

    /**
     * Multiplies {@code [rows, dIn] x [dIn, n]} repeatedly for about {@code seconds} and returns the best rate.
     *
     * @param rows rows per product
     * @param dIn inner dimension
     * @param n output columns
     * @param workers the pool (its thread count is used)
     * @param seconds measuring time
     * @return GFLOP/s (2 rows dIn n per product) of the fastest repetition
     */
    public static double gflops(int rows, int dIn, int n, Workers workers, double seconds) {
        SplittableRandom r = new SplittableRandom(7);
        float[][] x = new float[rows][dIn];
        float[][] w = new float[dIn][n];
        float[][] out = new float[rows][n];
        for (float[] row : x) {
            for (int j = 0; j < dIn; j++) {
                row[j] = (float) r.nextDouble(-1, 1);
            }
        }
        for (float[] row : w) {
            for (int j = 0; j < n; j++) {
                row[j] = (float) r.nextDouble(-1, 1);
            }
        }
        int parts = workers.threads();
        long best = Long.MAX_VALUE;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int reps = 0;
        while (reps < 5 || System.nanoTime() < end) {
            long t = System.nanoTime();
            workers.run(parts, p -> {
                for (int i = Workers.split(rows, parts, p); i < Workers.split(rows, parts, p + 1); i++) {
                    float[] o = out[i];
                    java.util.Arrays.fill(o, 0f);
                    for (int k = 0; k < dIn; k++) {
                        Vec.axpy(x[i][k], w[k], o);
                    }
                }
            });
            best = Math.min(best, System.nanoTime() - t);
            reps++;
        }
        return 2.0 * rows * dIn * n / best;
    }
}
