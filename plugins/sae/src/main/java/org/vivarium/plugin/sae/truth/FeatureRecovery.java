package org.vivarium.plugin.sae.truth;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a dictionary of learned decoder directions recovers a set of true feature directions.
 *
 * <ul>
 *   <li><b>MMCS</b> (mean max cosine similarity): for every true feature, the largest cosine between its
 *       direction and any live latent's decoder direction, averaged over the true features. 1 means every
 *       feature has a latent pointing exactly its way; a random dictionary scores well below.</li>
 *   <li><b>Dead latents</b>: latents that fired on none of the evaluation rows (they are left out of the
 *       MMCS).</li>
 *   <li><b>Duplicate latents</b>: live latents whose decoder direction has cosine above a threshold (default
 *       {@value #DUPLICATE_COSINE}) with a live latent of lower index; a dictionary with d duplicates spends d
 *       latents on directions it already has.</li>
 * </ul>
 *
 * <pre>{@code
 * FeatureRecovery r = FeatureRecovery.score(wDec, fireCounts, trueFeatures, FeatureRecovery.DUPLICATE_COSINE);
 * r.mmcs();
 * }</pre>
 *
 * @param mmcs mean over true features of the max cosine with a live latent
 * @param maxCosine per true feature, the max cosine
 * @param bestLatent per true feature, the latent reaching it (-1 if no latent is live)
 * @param dead latents that never fired
 * @param duplicates live latents duplicating a lower-index live latent
 * @param duplicatePairs the (lower, higher) latent pairs behind {@code duplicates}
 * @param latents dictionary size
 */
public record FeatureRecovery(double mmcs, double[] maxCosine, int[] bestLatent, int dead, int duplicates,
        List<int[]> duplicatePairs, int latents) {
    /** Decoder cosine above which two latents count as duplicates. */
    public static final double DUPLICATE_COSINE = 0.9;

    /**
     * Scores a dictionary.
     *
     * @param decoder decoder directions, {@code [latents][d]} (any norm)
     * @param fireCounts per latent, evaluation rows it fired on (0 = dead)
     * @param features true feature directions, {@code [features][d]} (any non-zero norm)
     * @param duplicateCosine the duplicate threshold
     * @return the score
     * @throws IllegalArgumentException if the widths disagree or there are no features
     */
    public static FeatureRecovery score(float[][] decoder, long[] fireCounts, float[][] features,
            double duplicateCosine) {
        if (features.length == 0) {
            throw new IllegalArgumentException("no true features to score against");
        }
        if (decoder.length != fireCounts.length) {
            throw new IllegalArgumentException(decoder.length + " decoder rows but " + fireCounts.length
                    + " fire counts");
        }
        for (float[] f : features) {
            if (decoder.length > 0 && f.length != decoder[0].length) {
                throw new IllegalArgumentException("true features have width " + f.length + ", decoder rows "
                        + decoder[0].length);
            }
        }
        double[][] dec = unit(decoder);
        double[][] truth = unit(features);
        double[] best = new double[truth.length];
        int[] arg = new int[truth.length];
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            best[i] = -1;
            arg[i] = -1;
            for (int j = 0; j < dec.length; j++) {
                double c = dot(truth[i], dec[j]);
                if (fireCounts[j] > 0 && c > best[i]) {
                    best[i] = c;
                    arg[i] = j;
                }
            }
            sum += best[i];
        }
        int dead = 0;
        for (long c : fireCounts) {
            dead += c == 0 ? 1 : 0;
        }
        List<int[]> pairs = new ArrayList<>();
        int duplicates = 0;
        for (int j = 0; j < dec.length; j++) {
            boolean dup = false;
            for (int k = 0; k < j && fireCounts[j] > 0; k++) {
                if (fireCounts[k] > 0 && dot(dec[j], dec[k]) > duplicateCosine) {
                    pairs.add(new int[] {k, j});
                    dup = true;
                }
            }
            duplicates += dup ? 1 : 0;
        }
        return new FeatureRecovery(sum / truth.length, best, arg, dead, duplicates, List.copyOf(pairs),
                decoder.length);
    }

    /** @return true features whose best cosine is at least 0.9 */
    public int recoveredAt90() {
        int n = 0;
        for (double c : maxCosine) {
            n += c >= 0.9 ? 1 : 0;
        }
        return n;
    }

    private static double[][] unit(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            double norm = 0;
            for (float v : rows[r]) {
                norm += (double) v * v;
            }
            norm = Math.sqrt(norm);
            out[r] = new double[rows[r].length];
            for (int c = 0; c < rows[r].length && norm > 0; c++) {
                out[r][c] = rows[r][c] / norm;
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
