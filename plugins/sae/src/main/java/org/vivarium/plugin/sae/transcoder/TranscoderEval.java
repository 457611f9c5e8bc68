package org.vivarium.plugin.sae.transcoder;

import org.vivarium.plugin.sae.math.SparseAutoencoder;

/**
 * How well a transcoder predicts the MLP output on held-out pairs.
 *
 * @param rows rows evaluated
 * @param varianceExplained {@code 1 - sum ||y - y_hat||^2 / sum ||y - mean(y)||^2}
 * @param meanL0 mean active latents per row
 * @param dead latents active on none of the rows
 */
public record TranscoderEval(long rows, double varianceExplained, double meanL0, int dead) {

    /**
     * Evaluates one pass of the pairs (restarted before and after).
     *
     * @param t the transcoder
     * @param pairs {@code [input | target]} rows
     * @return the metrics
     */
    public static TranscoderEval of(Transcoder t, PairedRows pairs) {
        int d = pairs.inputWidth();
        float[] row = new float[2 * d];
        float[] x = new float[d];
        float[] yHat = new float[d];
        double[] sum = new double[d];
        double sq = 0;
        double se = 0;
        long l0 = 0;
        long rows = 0;
        boolean[] fired = new boolean[t.weights().latents()];
        SparseAutoencoder.Scratch s = t.scratch();
        pairs.restart();
        while (pairs.next(row)) {
            System.arraycopy(row, 0, x, 0, d);
            int active = t.apply(x, s, yHat);
            for (int a = 0; a < active; a++) {
                fired[s.idx[a]] = true;
            }
            l0 += active;
            for (int j = 0; j < d; j++) {
                double y = row[d + j];
                double e = y - yHat[j];
                se += e * e;
                sum[j] += y;
                sq += y * y;
            }
            rows++;
        }
        pairs.restart();
        double meanSq = 0;
        for (double v : sum) {
            meanSq += (v / Math.max(1, rows)) * (v / Math.max(1, rows));
        }
        double total = sq - rows * meanSq;
        int dead = 0;
        for (boolean f : fired) {
            dead += f ? 0 : 1;
        }
        return new TranscoderEval(rows, total > 0 ? 1 - se / total : Double.NaN, (double) l0 / Math.max(1, rows),
                dead);
    }
}
