package org.vivarium.plugin.emfinetune.eval;

/**
 * The Wilson score interval of a binomial proportion: unlike the normal approximation it stays inside [0, 1]
 * and is not degenerate at 0 or n successes, which matters for the small per-domain samples of an audit.
 *
 * @param lo lower bound
 * @param hi upper bound
 */
public record Wilson(double lo, double hi) {
    /** The two-sided 95% normal quantile. */
    public static final double Z95 = 1.959963984540054;

    /**
     * The 95% interval of {@code k} successes in {@code n} trials.
     *
     * @param k successes, 0 to n
     * @param n trials
     * @return the interval; both bounds NaN when {@code n == 0}
     * @throws IllegalArgumentException if {@code k} is outside 0..n
     */
    public static Wilson of(int k, int n) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("successes must be in 0.." + n + ", got " + k);
        }
        if (n == 0) {
            return new Wilson(Double.NaN, Double.NaN);
        }
        double z2 = Z95 * Z95;
        double p = (double) k / n;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** @return e.g. {@code [0.12, 0.34]} */
    public String format() {
        return Double.isNaN(lo) ? "" : String.format(java.util.Locale.ROOT, "[%.2f, %.2f]", lo, hi);
    }
}
