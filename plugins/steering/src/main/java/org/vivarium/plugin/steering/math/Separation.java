package org.vivarium.plugin.steering.math;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well a scalar score separates positives from negatives.
 *
 * @param auroc probability that a random positive scores above a random negative (ties count half), NaN if a
 *     class is empty
 * @param cohensD difference of class means over the pooled standard deviation, NaN if undefined
 * @param n number of scored examples
 */
public record Separation(double auroc, double cohensD, int n) {

    /** No held-out examples: nothing measured. */
    public static final Separation NONE = new Separation(Double.NaN, Double.NaN, 0);

    /**
     * Scores two samples.
     *
     * @param positives scores of condition-present examples
     * @param negatives scores of condition-absent examples
     * @return AUROC and Cohen's d
     */
    public static Separation of(double[] positives, double[] negatives) {
        return new Separation(auroc(positives, negatives), cohensD(positives, negatives),
                positives.length + negatives.length);
    }

    /**
     * Returns whether this separation is better than another: higher AUROC, then larger |d|.
     *
     * @param other the other score
     * @return true if strictly better
     */
    public boolean betterThan(Separation other) {
        double a = Double.isNaN(auroc) ? -1 : auroc;
        double b = Double.isNaN(other.auroc) ? -1 : other.auroc;
        if (a != b) {
            return a > b;
        }
        double da = Double.isNaN(cohensD) ? -1 : Math.abs(cohensD);
        double db = Double.isNaN(other.cohensD) ? -1 : Math.abs(other.cohensD);
        return da > db;
    }

    static double auroc(double[] pos, double[] neg) {
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN;
        }
        int n = pos.length + neg.length;
        double[] s = new double[n];
        boolean[] isPos = new boolean[n];
        System.arraycopy(pos, 0, s, 0, pos.length);
        System.arraycopy(neg, 0, s, pos.length, neg.length);
        Arrays.fill(isPos, 0, pos.length, true);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> s[i]));
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && s[order[j + 1]] == s[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (isPos[order[k]]) {
                    rankSum += rank;
                }
            }
            i = j + 1;
        }
        double np = pos.length;
        return (rankSum - np * (np + 1) / 2) / (np * neg.length);
    }

    static double cohensD(double[] pos, double[] neg) {
        if (pos.length < 2 || neg.length < 2) {
            return Double.NaN;
        }
        double mp = mean(pos);
        double mn = mean(neg);
        double pooled = (sumSq(pos, mp) + sumSq(neg, mn)) / (pos.length + neg.length - 2);
        return pooled == 0 ? (mp == mn ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mp - mn))
                : (mp - mn) / Math.sqrt(pooled);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sumSq(double[] x, double m) {
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s;
    }
}
