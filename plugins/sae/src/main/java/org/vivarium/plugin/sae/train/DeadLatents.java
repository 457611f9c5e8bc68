package org.vivarium.plugin.sae.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Vec;

/**
 * Tracks when each latent last fired and resamples dead ones as in Anthropic's "Towards Monosemanticity"
 * (2023): inputs are drawn with probability proportional to their squared reconstruction loss; a dead
 * latent's decoder row becomes the chosen input (minus {@code b_dec}) at unit norm, its encoder column the same
 * direction at 0.2 times the mean encoder norm of the live latents, its encoder bias zero, and its Adam
 * moments are reset.
 */
final class DeadLatents {
    private static final float ENCODER_NORM_FACTOR = 0.2f;
    private final long[] lastFired;

    DeadLatents(int latents) {
        lastFired = new long[latents];
    }

    /**
     * Marks every latent that fired in this step.
     *
     * @param parts the workers' gradients (their fired lists)
     * @param tokensSeen tokens trained on so far, this step included
     */
    void record(Gradients[] parts, long tokensSeen) {
        for (Gradients p : parts) {
            for (int j = 0; j < p.firedCount; j++) {
                lastFired[p.firedList[j]] = tokensSeen;
            }
        }
    }

    /**
     * Lists the latents that have not fired for {@code window} tokens.
     *
     * @param tokensSeen tokens trained on so far
     * @param window tokens without firing that make a latent dead
     * @return the dead latents, ascending
     */
    int[] dead(long tokensSeen, long window) {
        return java.util.stream.IntStream.range(0, lastFired.length)
                .filter(i -> tokensSeen - lastFired[i] >= window).toArray();
    }

    /**
     * Resamples the given latents.
     *
     * @param dead the latents to resample
     * @param sae the autoencoder (weights changed in place)
     * @param optimizer whose moments are reset
     * @param sample scaled input rows to choose from
     * @param random the seeded generator
     * @param tokensSeen tokens trained on so far (resampled latents count as fresh)
     */
    void resample(int[] dead, SparseAutoencoder sae, SaeOptimizer optimizer, float[][] sample,
            SplittableRandom random, long tokensSeen) {
        if (dead.length == 0) {
            return;
        }
        SaeWeights w = sae.weights();
        int d = w.dIn();
        SparseAutoencoder.Scratch s = sae.scratch();
        float[] xHat = new float[d];
        double[] cumulative = new double[sample.length];
        double total = 0;
        for (int r = 0; r < sample.length; r++) {
            int active = sae.encode(sample[r], s);
            sae.decode(s.idx, s.val, active, xHat);
            double loss = Vec.squaredDistance(sample[r], xHat);
            total += loss * loss;
            cumulative[r] = total;
        }
        float aliveNorm = aliveEncoderNorm(w, dead);
        float[] u = new float[d];
        for (int i : dead) {
            int r = pick(cumulative, total, random);
            for (int j = 0; j < d; j++) {
                u[j] = sample[r][j] - w.bDec()[j];
            }
            float norm = Vec.norm(u);
            if (norm == 0) {
                continue;
            }
            Vec.scale(u, 1f / norm);
            System.arraycopy(u, 0, w.wDec()[i], 0, d);
            for (int j = 0; j < d; j++) {
                w.wEnc()[j][i] = u[j] * aliveNorm * ENCODER_NORM_FACTOR;
            }
            w.bEnc()[i] = 0;
            optimizer.reset(i);
            lastFired[i] = tokensSeen;
        }
    }

    private static int pick(double[] cumulative, double total, SplittableRandom random) {
        if (!(total > 0)) {
            return random.nextInt(cumulative.length);
        }
        double u = random.nextDouble() * total;
        int at = Arrays.binarySearch(cumulative, u);
        int i = at >= 0 ? at : -at - 1;
        return Math.min(i, cumulative.length - 1);
    }

    private static float aliveEncoderNorm(SaeWeights w, int[] dead) {
        boolean[] isDead = new boolean[w.latents()];
        for (int i : dead) {
            isDead[i] = true;
        }
        double sum = 0;
        int count = 0;
        float[][] wEnc = w.wEnc();
        for (int i = 0; i < w.latents(); i++) {
            if (isDead[i]) {
                continue;
            }
            double sq = 0;
            for (float[] row : wEnc) {
                sq += (double) row[i] * row[i];
            }
            sum += Math.sqrt(sq);
            count++;
        }
        return count == 0 ? 1f : (float) (sum / count);
    }
}
