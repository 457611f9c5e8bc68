package org.vivarium.plugin.emfinetune.eval;

/**
 * The standard normal distribution, for turning a measured margin and its variance into a confidence.
 */
public final class Normal {
    private Normal() {
    }

    /**
     * The standard normal CDF, by the Abramowitz-Stegun 7.1.26 approximation of erf (absolute error below 1.5e-7).
     *
     * @param z the point
     * @return {@code P(Z <= z)}
     */
    public static double cdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /**
     * The confidence that a measured margin is truly above a threshold: {@code cdf((margin - threshold) / sd)}.
     * It is at least 0.5 exactly when the margin reaches the threshold.
     *
     * @param margin the measured margin
     * @param threshold what it must reach
     * @param variance the margin's variance (normal approximation), positive
     * @return the confidence in [0, 1]; 0 if the margin is not finite
     */
    public static double confidence(double margin, double threshold, double variance) {
        if (!Double.isFinite(margin) || !(variance > 0)) {
            return 0;
        }
        return cdf((margin - threshold) / Math.sqrt(variance));
    }
}
