package org.vivarium.launcher.audit;

import java.util.Locale;

/**
 * A rate with its 95% Wilson score interval, which stays inside [0, 1] and is honest for few trials (a leaderboard
 * over five seeds): {@code 0/5} is {@code [0, 0.43]}, not {@code [0, 0]}.
 *
 * @param successes e.g. seeds where a method found the property
 * @param trials e.g. seeds audited
 * @param rate successes / trials, NaN without trials
 * @param low lower bound, NaN without trials
 * @param high upper bound, NaN without trials
 */
record Wilson(int successes, int trials, double rate, double low, double high) {
    /** The standard normal quantile of a two-sided 95% interval. */
    static final double Z = 1.959963984540054;

    /**
     * @param successes successes
     * @param trials trials, at least {@code successes}
     * @return the rate and its interval
     */
    static Wilson of(int successes, int trials) {
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be in [0, trials], got " + successes + " of " + trials);
        }
        if (trials == 0) {
            return new Wilson(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double p = (double) successes / trials;
        double z2 = Z * Z;
        double denom = 1 + z2 / trials;
        double centre = (p + z2 / (2.0 * trials)) / denom;
        double half = Z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denom;
        return new Wilson(successes, trials, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** @return e.g. {@code 2/5 [0.12, 0.77]}, or {@code -} without trials */
    String describe() {
        return trials == 0 ? "-" : String.format(Locale.ROOT, "%d/%d [%.2f, %.2f]", successes, trials, low, high);
    }
}
