package org.vivarium.plugin.lorainterp.math;

/**
 * The singular values and vectors of one weight update, largest first.
 *
 * @param sigma singular values, descending
 * @param left left singular vectors (input space), {@code left[k]} goes with {@code sigma[k]}
 * @param right right singular vectors (output space), {@code right[k]} goes with {@code sigma[k]}
 */
public record Spectrum(double[] sigma, double[][] left, double[][] right) {

    /**
     * Returns the fraction of the update's energy (squared Frobenius norm) in the top singular value.
     *
     * @return {@code sigma_1^2 / sum sigma_k^2}, or NaN for a zero update
     */
    public double topEnergyFraction() {
        double total = 0;
        for (double s : sigma) {
            total += s * s;
        }
        return total == 0 ? Double.NaN : sigma[0] * sigma[0] / total;
    }

    /**
     * Returns the entropy effective rank (Roy and Vetterli, 2007): {@code exp(-sum p_k ln p_k)} with
     * {@code p_k = sigma_k / sum sigma}. It is 1 for a rank-1 update and {@code r} for {@code r} equal values.
     *
     * @return the effective rank, or NaN for a zero update
     */
    public double effectiveRank() {
        double total = 0;
        for (double s : sigma) {
            total += s;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double h = 0;
        for (double s : sigma) {
            double p = s / total;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return Math.exp(h);
    }

    /**
     * Returns the Frobenius norm of the update.
     *
     * @return {@code sqrt(sum sigma_k^2)}
     */
    public double frobeniusNorm() {
        double total = 0;
        for (double s : sigma) {
            total += s * s;
        }
        return Math.sqrt(total);
    }
}
