package org.vivarium.plugin.sae.math;

import java.util.SplittableRandom;

/**
 * The four parameter tensors of a sparse autoencoder, held as arrays of rows (live, not copied):
 * {@code W_enc [d_in][latents]}, {@code b_enc [latents]}, {@code W_dec [latents][d_in]} (one row per
 * latent: its decoder direction) and {@code b_dec [d_in]}. The shapes and names are SAELens's.
 */
public final class SaeWeights {
    private final float[][] wEnc;
    private final float[] bEnc;
    private final float[][] wDec;
    private final float[] bDec;

    /**
     * Wraps existing arrays.
     *
     * @param wEnc {@code [d_in][latents]}
     * @param bEnc {@code [latents]}
     * @param wDec {@code [latents][d_in]}
     * @param bDec {@code [d_in]}
     * @throws IllegalArgumentException if the shapes disagree
     */
    public SaeWeights(float[][] wEnc, float[] bEnc, float[][] wDec, float[] bDec) {
        int dIn = bDec.length;
        int n = bEnc.length;
        if (wEnc.length != dIn || wDec.length != n || (n > 0 && wDec[0].length != dIn)
                || (dIn > 0 && wEnc[0].length != n)) {
            throw new IllegalArgumentException("SAE shapes disagree: W_enc " + wEnc.length + "x"
                    + (wEnc.length > 0 ? wEnc[0].length : 0) + ", b_enc " + n + ", W_dec " + wDec.length + ", b_dec "
                    + dIn);
        }
        this.wEnc = wEnc;
        this.bEnc = bEnc;
        this.wDec = wDec;
        this.bDec = bDec;
    }

    /**
     * Creates zero weights.
     *
     * @param dIn input width
     * @param latents dictionary size
     * @return zeros
     */
    public static SaeWeights zeros(int dIn, int latents) {
        return new SaeWeights(new float[dIn][latents], new float[latents], new float[latents][dIn], new float[dIn]);
    }

    /**
     * The usual initialisation: decoder rows are random unit vectors, the encoder is the decoder's
     * transpose, biases are zero.
     *
     * @param dIn input width
     * @param latents dictionary size
     * @param seed the random seed
     * @return fresh weights
     */
    public static SaeWeights init(int dIn, int latents, long seed) {
        SaeWeights w = zeros(dIn, latents);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < latents; i++) {
            float[] d = w.wDec[i];
            for (int k = 0; k < dIn; k++) {
                d[k] = (float) gaussian(r);
            }
            Vec.scale(d, 1f / Math.max(1e-12f, Vec.norm(d)));
            for (int k = 0; k < dIn; k++) {
                w.wEnc[k][i] = d[k];
            }
        }
        return w;
    }

    /**
     * Draws a standard normal number (Box-Muller), deterministic for a seeded generator.
     *
     * @param r the generator
     * @return a sample
     */
    public static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** @return {@code W_enc [d_in][latents]}, live */
    public float[][] wEnc() {
        return wEnc;
    }

    /** @return {@code b_enc [latents]}, live */
    public float[] bEnc() {
        return bEnc;
    }

    /** @return {@code W_dec [latents][d_in]}, live */
    public float[][] wDec() {
        return wDec;
    }

    /** @return {@code b_dec [d_in]}, live */
    public float[] bDec() {
        return bDec;
    }

    /** @return the input width */
    public int dIn() {
        return bDec.length;
    }

    /** @return the dictionary size */
    public int latents() {
        return bEnc.length;
    }

    /** Scales every decoder row to unit norm (rows of norm 0 are left alone). */
    public void normalizeDecoder() {
        for (float[] d : wDec) {
            float norm = Vec.norm(d);
            if (norm > 0) {
                Vec.scale(d, 1f / norm);
            }
        }
    }

    /**
     * Returns a deep copy.
     *
     * @return new arrays with the same values
     */
    public SaeWeights copy() {
        float[][] e = new float[wEnc.length][];
        for (int k = 0; k < e.length; k++) {
            e[k] = wEnc[k].clone();
        }
        float[][] d = new float[wDec.length][];
        for (int i = 0; i < d.length; i++) {
            d[i] = wDec[i].clone();
        }
        return new SaeWeights(e, bEnc.clone(), d, bDec.clone());
    }
}
