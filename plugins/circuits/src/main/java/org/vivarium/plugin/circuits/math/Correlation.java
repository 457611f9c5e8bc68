package org.vivarium.plugin.circuits.math;

import java.util.Arrays;
import java.util.Comparator;

/** Pearson and Spearman correlation of paired samples, in {@code double}. */
public final class Correlation {
    private Correlation() {
    }

    /**
     * Pearson's r.
     *
     * @param x first sample
     * @param y second sample, the same length
     * @return r in [-1, 1], NaN if either sample is constant or there are fewer than 2 pairs
     */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Spearman's rho: Pearson's r of the ranks, tied values sharing their mean rank.
     *
     * @param x first sample
     * @param y second sample, the same length
     * @return rho in [-1, 1], NaN as for {@link #pearson}
     */
    public static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    /**
     * Ranks from 1, ties sharing their mean rank.
     *
     * @param v values
     * @return the ranks, in the values' order
     */
    public static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = mean;
            }
            i = j + 1;
        }
        return r;
    }
}
