package org.vivarium.plugin.sae.train;

/**
 * How well an SAE reconstructs a set of rows.
 *
 * @param rows rows evaluated
 * @param explainedVariance {@code 1 - sum ||x - x_hat||^2 / sum ||x - mean||^2}
 * @param mse mean squared error per dimension on inputs scaled to {@code E||x||^2 = d_in}
 * @param meanL0 mean number of active latents per row
 * @param deadFraction fraction of latents that fired on none of the rows
 * @param fireCounts rows on which each latent fired
 */
public record EvalMetrics(long rows, double explainedVariance, double mse, double meanL0, double deadFraction,
        long[] fireCounts) {

    /** @return the number of latents that never fired */
    public int dead() {
        int n = 0;
        for (long c : fireCounts) {
            if (c == 0) {
                n++;
            }
        }
        return n;
    }
}
