package org.vivarium.plugin.sae.train;

import org.vivarium.plugin.sae.data.DataStats;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Vec;

/**
 * What a training run produced.
 *
 * @param sae the autoencoder on scaled inputs
 * @param scale the input scaling: the SAE sees {@code scale * x}
 * @param stats the input statistics the scaling came from
 * @param metrics evaluation on the held-out rows (or the training rows if none were held out)
 * @param log the training curve
 * @param tokens tokens trained on
 * @param seconds wall-clock training time (excluding evaluation)
 * @param resampled latents resampled in total
 * @param passes completed passes over the training rows
 * @param times where the training steps spent their time
 */
public record TrainResult(SparseAutoencoder sae, float scale, DataStats stats, EvalMetrics metrics, LossLog log,
        long tokens, double seconds, int resampled, int passes, StepTimes times) {

    /** @return training tokens per second */
    public double tokensPerSecond() {
        return seconds > 0 ? tokens / seconds : 0;
    }

    /**
     * Folds the input scaling into the weights so the SAE works on raw activations:
     * {@code W_enc * s}, {@code W_dec / s}, {@code b_dec / s} (latent activations are unchanged).
     *
     * @return new weights on raw activations
     */
    public SaeWeights foldedWeights() {
        SaeWeights w = sae.weights().copy();
        for (float[] row : w.wEnc()) {
            Vec.scale(row, scale);
        }
        for (float[] row : w.wDec()) {
            Vec.scale(row, 1f / scale);
        }
        Vec.scale(w.bDec(), 1f / scale);
        return w;
    }
}
