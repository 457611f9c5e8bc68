package org.vivarium.launcher.bench;

import java.util.Arrays;

/**
 * The median and range of repeated measurements.
 *
 * @param median the median (mean of the middle two for an even count)
 * @param min the smallest
 * @param max the largest
 * @param n how many
 */
record Spread(double median, double min, double max, int n) {

    /**
     * Summarises measurements.
     *
     * @param values at least one value
     * @return their spread
     */
    static Spread of(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new Spread(median, s[0], s[n - 1], n);
    }

    /**
     * Summarises element-wise ratios {@code a[i] / b[i]}.
     *
     * @param a numerators
     * @param b denominators, same length
     * @return the spread of the ratios
     */
    static Spread ofRatios(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return of(r);
    }
}
