package org.vivarium.plugin.probes.math;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the ROC curve by the rank (Mann-Whitney U) statistic: the probability that a random
 * positive scores above a random negative, ties counting half.
 */
public final class Auroc {
    private Auroc() {
    }

    /**
     * Computes the AUROC.
     *
     * @param scores one score per example, higher meaning "more likely class 1"
     * @param labels 0 or 1 per example
     * @return the AUROC in [0, 1], or NaN if a class is absent
     */
    public static double of(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSumPos = 0;
        long nPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(scores[order[j + 1]], scores[order[i]]) == 0) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1; // 1-based ranks, ties share their mean
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    rankSumPos += averageRank;
                    nPos++;
                }
            }
            i = j + 1;
        }
        long nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }
}
