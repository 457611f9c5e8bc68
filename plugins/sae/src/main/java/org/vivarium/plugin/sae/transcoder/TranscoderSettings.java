package org.vivarium.plugin.sae.transcoder;

import org.vivarium.api.VivariumException;

/**
 * The hyper-parameters of one transcoder run.
 *
 * @param latents dictionary size
 * @param k active latents per row
 * @param lr Adam learning rate (1% linear warm-up, linear decay to 0 over the last 20%)
 * @param batch rows per step
 * @param steps optimizer steps
 * @param seed seeds initialisation and shuffling
 * @param shuffleRows mixing-buffer rows
 */
public record TranscoderSettings(int latents, int k, double lr, int batch, long steps, long seed, int shuffleRows) {
    /** Checks the values. */
    public TranscoderSettings {
        if (latents < 1 || k < 1 || k > latents || !(lr > 0) || batch < 1 || steps < 1 || shuffleRows < 1) {
            throw new VivariumException("transcoder settings out of range: latents " + latents + ", k " + k + ", lr "
                    + lr + ", batch " + batch + ", steps " + steps, "need 1 <= k <= latents and positive lr, batch,"
                            + " steps");
        }
    }
}
