package org.vivarium.plugin.latentqa.eval;

import java.util.Locale;

/**
 * A count of decoder answers: how many were the expected answer (or, for rates, the condition answer), out of how
 * many, and how many were not any of the question's answers.
 *
 * @param hits answers that matched
 * @param n answers given
 * @param offList answers that were none of the question's answers (free text the decoder made up)
 */
public record Score(int hits, int n, int offList) {
    /** The two-sided 95% normal quantile for the Wilson interval. */
    static final double Z95 = 1.959963984540054;

    /** An empty score. */
    public static final Score EMPTY = new Score(0, 0, 0);

    /** Checks the counts. */
    public Score {
        if (hits < 0 || offList < 0 || hits + offList > n) {
            throw new IllegalArgumentException("bad counts: " + hits + " hits and " + offList + " off-list of " + n);
        }
    }

    /**
     * Adds one answer.
     *
     * @param hit whether it matched
     * @param onList whether it was one of the question's answers
     * @return the new score
     */
    public Score plus(boolean hit, boolean onList) {
        return new Score(hits + (hit ? 1 : 0), n + 1, offList + (onList ? 0 : 1));
    }

    /**
     * Adds another count.
     *
     * @param o the other count
     * @return the sum
     */
    public Score plus(Score o) {
        return new Score(hits + o.hits, n + o.n, offList + o.offList);
    }

    /** @return hits / n, NaN when empty */
    public double rate() {
        return n == 0 ? Double.NaN : (double) hits / n;
    }

    /** @return the 95% Wilson score interval of the rate, {@code {lo, hi}} (NaN when empty) */
    public double[] wilson() {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double z2 = Z95 * Z95;
        double p = rate();
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** @return e.g. {@code 0.81 [0.70, 0.89] (52/64)} */
    public String format() {
        if (n == 0) {
            return "n/a (n=0)";
        }
        double[] w = wilson();
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f] (%d/%d)", rate(), w[0], w[1], hits, n);
    }
}
