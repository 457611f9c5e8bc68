package org.vivarium.plugin.sae.bench;

import java.util.SplittableRandom;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.linalg.LinearAlgebra;

/**
 * Measures the machine's single-precision gemm rate through the host's {@link LinearAlgebra} (the same library and
 * call the SAE encoder uses, on as many native threads): the reference limit for the training throughput.
 */
public final class SgemmRate {
    private SgemmRate() {
    }

    /**
     * Multiplies {@code [m, k] x [k, n]} repeatedly for about {@code seconds} (at least 5 times) and returns the best
     * rate.
     *
     * @param linearAlgebra the host's service
     * @param m rows of the product
     * @param k inner dimension
     * @param n columns of the product
     * @param seconds measuring time
     * @return GFLOP/s ({@code 2 m k n} per product) of the fastest repetition
     */
    public static double gflops(LinearAlgebra linearAlgebra, int m, int k, int n, double seconds) {
        SplittableRandom r = new SplittableRandom(7);
        FloatMatrix a = random(m, k, r);
        FloatMatrix b = random(k, n, r);
        FloatMatrix out = new FloatMatrix(m, n, new float[m * n]);
        long best = Long.MAX_VALUE;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int reps = 0;
        while (reps < 5 || System.nanoTime() < end) {
            long t = System.nanoTime();
            linearAlgebra.gemm(a, false, b, false, out);
            best = Math.min(best, System.nanoTime() - t);
            reps++;
        }
        return 2.0 * m * k * n / best;
    }

    private static FloatMatrix random(int rows, int cols, SplittableRandom r) {
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) r.nextDouble(-1, 1);
        }
        return new FloatMatrix(rows, cols, data);
    }
}
