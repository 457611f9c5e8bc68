package org.vivarium.plugin.sae.train;

import org.vivarium.api.VivariumException;
import org.vivarium.plugin.sae.math.SaeKind;

/**
 * The hyper-parameters of one SAE training run.
 *
 * @param kind ReLU + L1 or TopK
 * @param latents dictionary size
 * @param k active latents per token (TopK only)
 * @param l1 L1 coefficient on the latent activations (ReLU only); the loss is
 *     {@code mean_tokens(||x - x_hat||^2 / d_in) + l1 * mean_tokens(sum_i f_i ||W_dec[i]||)} on inputs scaled to
 *     {@code E||x||^2 = d_in}
 * @param lr Adam learning rate (peak; 1% linear warm-up, linear decay to 0 over the last 20%)
 * @param batch rows per step
 * @param steps optimizer steps
 * @param seed seeds initialisation, shuffling and resampling
 * @param resampleEvery resample dead latents every this many steps during the first 70% of training; 0 never
 * @param threads worker threads
 * @param shuffleRows mixing-buffer rows
 */
public record SaeConfig(SaeKind kind, int latents, int k, double l1, double lr, int batch, long steps, long seed,
        int resampleEvery, int threads, int shuffleRows) {

    /**
     * Checks the values.
     *
     * @throws VivariumException if a value is out of range
     */
    public SaeConfig {
        check(latents >= 1, "--latents " + latents + " must be at least 1");
        check(kind != SaeKind.TOPK || (k >= 1 && k <= latents), "--k " + k + " must be in [1, --latents]");
        check(l1 >= 0 && Double.isFinite(l1), "--l1 " + l1 + " must be >= 0");
        check(lr > 0 && Double.isFinite(lr), "--lr " + lr + " must be > 0");
        check(batch >= 1, "--batch " + batch + " must be at least 1");
        check(steps >= 1, "--steps " + steps + " must be at least 1");
        check(resampleEvery >= 0, "--resample-every " + resampleEvery + " must be >= 0 (0 turns resampling off)");
        check(threads >= 1, "--threads " + threads + " must be at least 1");
        check(shuffleRows >= 1, "--shuffle " + shuffleRows + " must be at least 1");
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new VivariumException(problem, "fix the option; see 'viv sae train' usage");
        }
    }

    /**
     * Returns a copy with another step count.
     *
     * @param newSteps the steps
     * @return the copy
     */
    public SaeConfig withSteps(long newSteps) {
        return new SaeConfig(kind, latents, k, l1, lr, batch, newSteps, seed, resampleEvery, threads, shuffleRows);
    }

    /**
     * Returns a copy with another resampling interval.
     *
     * @param every steps between resamplings, 0 for none
     * @return the copy
     */
    public SaeConfig withResampleEvery(int every) {
        return new SaeConfig(kind, latents, k, l1, lr, batch, steps, seed, every, threads, shuffleRows);
    }

    /** @return the L1 coefficient that applies (0 for TopK) */
    public double effectiveL1() {
        return kind == SaeKind.RELU ? l1 : 0;
    }
}
