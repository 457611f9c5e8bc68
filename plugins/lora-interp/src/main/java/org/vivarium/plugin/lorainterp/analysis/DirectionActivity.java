package org.vivarium.plugin.lorainterp.analysis;

import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.plugin.lorainterp.pass.Corpus;

/**
 * Summary statistics of one input direction's per-token activations over a corpus.
 *
 * @param meanPositive mean over all tokens of positive prompts (NaN if none)
 * @param meanNegative mean over all tokens of negative prompts (NaN if none)
 * @param meanAll mean over all tokens of all prompts (NaN if none)
 * @param auroc AUROC of each prompt's maximum activation, positives against negatives (NaN without both)
 */
public record DirectionActivity(double meanPositive, double meanNegative, double meanAll, double auroc) {

    /** Nothing measured. */
    public static final DirectionActivity NONE = new DirectionActivity(Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    /**
     * Measures one direction.
     *
     * @param acts {@code [prompt][direction][token]} activations
     * @param direction which direction
     * @param sign multiplies every activation (+1 or -1)
     * @param corpus the prompts' labels
     * @param la the host's linear algebra (for the AUROC)
     * @return the statistics
     */
    public static DirectionActivity of(float[][][] acts, int direction, int sign, Corpus corpus, LinearAlgebra la) {
        double[] sum = new double[3];
        long[] count = new long[3];
        int labelled = corpus.count(Corpus.POSITIVE) + corpus.count(Corpus.NEGATIVE);
        double[] maxima = new double[labelled];
        int[] classes = new int[labelled];
        int next = 0;
        for (int p = 0; p < acts.length; p++) {
            float[] row = acts[p][direction];
            double max = Double.NEGATIVE_INFINITY;
            double s = 0;
            for (float v : row) {
                double x = sign * (double) v;
                s += x;
                max = Math.max(max, x);
            }
            int label = corpus.label(p);
            int slot = label == Corpus.POSITIVE ? 0 : label == Corpus.NEGATIVE ? 1 : 2;
            sum[slot] += s;
            count[slot] += row.length;
            if (label == Corpus.POSITIVE || label == Corpus.NEGATIVE) {
                maxima[next] = max;
                classes[next++] = label == Corpus.POSITIVE ? 1 : 0;
            }
        }
        long all = count[0] + count[1] + count[2];
        return new DirectionActivity(mean(sum[0], count[0]), mean(sum[1], count[1]),
                all == 0 ? Double.NaN : (sum[0] + sum[1] + sum[2]) / all, la.auroc(maxima, classes));
    }

    private static double mean(double sum, long n) {
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Returns the activation that orients a direction: the positives' mean, or every prompt's when there are
     * no positives.
     *
     * @return the mean to make positive
     */
    public double orientingMean() {
        return Double.isFinite(meanPositive) ? meanPositive : meanAll;
    }
}
