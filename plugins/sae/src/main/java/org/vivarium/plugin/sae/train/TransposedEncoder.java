package org.vivarium.plugin.sae.train;

import org.vivarium.plugin.sae.math.SaeWeights;

/**
 * The encoder matrix as training keeps it: {@code W_enc^T}, one contiguous {@code d_in} row per latent, the layout of
 * its sparse gradient and Adam moments, so the optimizer's update is a run of contiguous row loops. It is the live
 * copy during training; {@link SaeWeights#wEnc()} is brought up to date with {@link #store} whenever other code reads
 * it (resampling, evaluation, the end of training).
 */
final class TransposedEncoder {
    private final float[][] rows;

    private TransposedEncoder(float[][] rows) {
        this.rows = rows;
    }

    /**
     * @param w the weights to copy {@code W_enc} from
     * @return {@code W_enc^T}
     */
    static TransposedEncoder of(SaeWeights w) {
        TransposedEncoder t = new TransposedEncoder(new float[w.latents()][w.dIn()]);
        t.load(w);
        return t;
    }

    /** @return {@code [latents][d_in]}, live */
    float[][] rows() {
        return rows;
    }

    /**
     * Copies {@code W_enc} in (after something changed it, such as resampling).
     *
     * @param w the weights
     */
    void load(SaeWeights w) {
        float[][] wEnc = w.wEnc();
        for (int j = 0; j < wEnc.length; j++) {
            float[] src = wEnc[j];
            for (int i = 0; i < rows.length; i++) {
                rows[i][j] = src[i];
            }
        }
    }

    /**
     * Copies the rows out into {@code W_enc}.
     *
     * @param w the weights to update
     */
    void store(SaeWeights w) {
        float[][] wEnc = w.wEnc();
        for (int j = 0; j < wEnc.length; j++) {
            float[] dst = wEnc[j];
            for (int i = 0; i < rows.length; i++) {
                dst[i] = rows[i][j];
            }
        }
    }
}
