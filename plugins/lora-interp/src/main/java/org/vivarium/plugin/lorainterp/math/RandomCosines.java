package org.vivarium.plugin.lorainterp.math;

import java.util.Arrays;
import java.util.Random;

/**
 * A null baseline for a cosine: the distribution of {@code |cos|} between a reference vector and seeded
 * random Gaussian directions of the same width. In {@code d} dimensions it concentrates near
 * {@code sqrt(2 / (pi d))}, so an observed cosine is only meaningful well above its upper percentiles.
 *
 * @param sortedAbs the {@code |cos|} values, ascending
 */
public record RandomCosines(double[] sortedAbs) {

    /**
     * Draws the baseline.
     *
     * @param reference the vector to compare against (non-zero)
     * @param count how many random directions, at least 1
     * @param seed fixes the draw
     * @return the sorted absolute cosines
     */
    public static RandomCosines against(double[] reference, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one random direction, got " + count);
        }
        Random rnd = new Random(seed);
        double[] out = new double[count];
        double[] v = new double[reference.length];
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextGaussian();
            }
            out[n] = Math.abs(Vectors.cosine(v, reference));
        }
        Arrays.sort(out);
        return new RandomCosines(out);
    }

    /**
     * Returns a percentile by linear interpolation between order statistics.
     *
     * @param q the quantile in [0, 1], e.g. 0.99
     * @return the value below which a fraction {@code q} of the random {@code |cos|} fall
     */
    public double percentile(double q) {
        double pos = q * (sortedAbs.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sortedAbs.length - 1, lo + 1);
        double f = pos - lo;
        return sortedAbs[lo] * (1 - f) + sortedAbs[hi] * f;
    }

    /**
     * Returns the fraction of random directions whose {@code |cos|} is below a value (its percentile in the null).
     *
     * @param c the observed cosine
     * @return the fraction in [0, 1]
     */
    public double fractionBelow(double c) {
        int n = 0;
        for (double v : sortedAbs) {
            n += v < c ? 1 : 0;
        }
        return (double) n / sortedAbs.length;
    }

    /** @return how many random directions were drawn */
    public int count() {
        return sortedAbs.length;
    }
}
