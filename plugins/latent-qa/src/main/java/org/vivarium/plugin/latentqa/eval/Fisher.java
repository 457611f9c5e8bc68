package org.vivarium.plugin.latentqa.eval;

/**
 * The one-sided Fisher exact test of a 2x2 table: is the rate of the first group ({@code k1} of {@code n1}) higher
 * than the second's ({@code k2} of {@code n2}) by more than chance? The p-value is the hypergeometric probability of
 * {@code k1} or more hits in the first group given the margins.
 *
 * <pre>{@code
 * Fisher.greater(new Score(4, 4, 0), new Score(1, 28, 0));   // 0.0001: 4 of 4 against 1 of 28
 * Fisher.greater(new Score(1, 1, 0), new Score(1, 28, 0));   // 0.069: one prompt is not enough
 * }</pre>
 */
public final class Fisher {
    private Fisher() {
    }

    /**
     * Tests whether the first rate is higher.
     *
     * @param first hits and n of the first group
     * @param second hits and n of the second group
     * @return the one-sided p-value in [0, 1]; 1 if the first group is empty
     */
    public static double greater(Score first, Score second) {
        int n1 = first.n();
        int total = n1 + second.n();
        int hits = first.hits() + second.hits();
        if (n1 == 0) {
            return 1;
        }
        double p = 0;
        for (int k = first.hits(); k <= Math.min(n1, hits); k++) {
            p += Math.exp(logChoose(hits, k) + logChoose(total - hits, n1 - k) - logChoose(total, n1));
        }
        return Math.min(1, p);
    }

    private static double logChoose(int n, int k) {
        if (k < 0 || k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
