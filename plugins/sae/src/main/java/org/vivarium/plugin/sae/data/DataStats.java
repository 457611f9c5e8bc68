package org.vivarium.plugin.sae.data;

import org.vivarium.api.VivariumException;

/**
 * The mean and mean squared norm of the input rows, from which training takes its input scaling
 * ({@code E ||s x||^2 = d_in}, as SAELens's activation normalisation) and the initial decoder bias.
 *
 * @param rows how many rows were measured
 * @param mean the per-dimension mean of the raw rows
 * @param meanSquaredNorm the mean of {@code ||x||^2} over the raw rows
 */
public record DataStats(long rows, double[] mean, double meanSquaredNorm) {

    /**
     * Measures the first {@code maxRows} rows of a pass, then restarts the source.
     *
     * @param source the rows
     * @param maxRows how many rows to read at most
     * @return the statistics
     * @throws VivariumException if the rows are all zero
     */
    public static DataStats measure(RowSource source, long maxRows) {
        int d = source.width();
        double[] sum = new double[d];
        double sq = 0;
        long n = 0;
        float[] x = new float[d];
        while (n < maxRows && source.next(x)) {
            for (int j = 0; j < d; j++) {
                sum[j] += x[j];
                sq += (double) x[j] * x[j];
            }
            n++;
        }
        source.restart();
        if (n == 0 || sq == 0 || !Double.isFinite(sq)) {
            throw new VivariumException("the activations to train on are " + (n == 0 ? "empty" : sq == 0
                    ? "all zero" : "not finite"), "cache a hook with non-trivial activations, e.g. "
                    + "blocks.1.hook_resid_post");
        }
        for (int j = 0; j < d; j++) {
            sum[j] /= n;
        }
        return new DataStats(n, sum, sq / n);
    }

    /**
     * Returns the factor that scales rows to a mean squared norm of {@code d_in}.
     *
     * @return {@code sqrt(d_in / E||x||^2)}
     */
    public double scale() {
        return Math.sqrt(mean.length / meanSquaredNorm);
    }
}
