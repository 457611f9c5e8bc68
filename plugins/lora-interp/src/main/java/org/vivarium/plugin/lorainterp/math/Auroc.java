package org.vivarium.plugin.lorainterp.math;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the ROC curve as the Mann-Whitney U statistic: the probability that a random positive scores
 * above a random negative, ties counting half.
 */
public final class Auroc {
    private Auroc() {
    }

    /**
     * Computes the AUROC.
     *
     * @param positives scores of class-1 examples
     * @param negatives scores of class-0 examples
     * @return the AUROC in [0, 1], or NaN if either class is empty
     */
    public static double of(double[] positives, double[] negatives) {
        int np = positives.length;
        int nn = negatives.length;
        if (np == 0 || nn == 0) {
            return Double.NaN;
        }
        int n = np + nn;
        double[] all = new double[n];
        System.arraycopy(positives, 0, all, 0, np);
        System.arraycopy(negatives, 0, all, np, nn);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> all[i]));
        double rankSumPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(all[order[j + 1]], all[order[i]]) == 0) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (order[t] < np) {
                    rankSumPos += rank;
                }
            }
            i = j + 1;
        }
        return (rankSumPos - np * (np + 1) / 2.0) / ((double) np * nn);
    }
}
