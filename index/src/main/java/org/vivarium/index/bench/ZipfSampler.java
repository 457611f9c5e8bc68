package org.vivarium.index.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws ranks {@code 0..n-1} with probability proportional to {@code 1 / (rank + 1)^s}. */
final class ZipfSampler {
    private final double[] cdf;

    /**
     * Precomputes the cumulative distribution.
     *
     * @param n number of ranks
     * @param exponent the Zipf exponent {@code s}, about 1 for natural language
     */
    ZipfSampler(int n, double exponent) {
        cdf = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1.0 / Math.pow(i + 1, exponent);
            cdf[i] = total;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= total;
        }
    }

    /**
     * Draws one rank.
     *
     * @param random the random source
     * @return a rank in {@code [0, n)}
     */
    int next(SplittableRandom random) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        int rank = i >= 0 ? i : -i - 1;
        return Math.min(rank, cdf.length - 1);
    }
}
