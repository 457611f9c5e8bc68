package org.vivarium.api.audit;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal distribution, for turning a measured margin into a claim's confidence on one scale that
 * every auditor shares: the one-sided probability, under a normal approximation, that the margin is truly above
 * its threshold. A confidence in these units does not grow with the size of the effect an auditor happens to
 * measure (e.g. a full fine-tune against half of it), only with how clearly the effect stands out from its noise,
 * so the investigator can compare claims from different routes.
 *
 * <p>Backed by Commons Math's {@code Erf.erfc}, accurate in the far tail (a z of 5 has a tail of 2.9e-7, which an
 * approximation with an absolute error of 1.5e-7 could not rank).
 */
public final class Normal {
    private Normal() {
    }

    /**
     * The standard normal CDF.
     *
     * @param z the point
     * @return {@code P(Z <= z)}; NaN for NaN
     */
    public static double cdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
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

    /**
     * The confidence of a standardized margin, {@code cdf(z)}: at least 0.5 exactly when {@code z >= 0}.
     *
     * @param z the margin in standard errors
     * @return the confidence in [0, 1]; 0 if {@code z} is not finite
     */
    public static double confidence(double z) {
        return Double.isFinite(z) ? cdf(z) : 0;
    }
}
