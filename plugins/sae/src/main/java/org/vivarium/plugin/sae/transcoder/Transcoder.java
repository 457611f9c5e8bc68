package org.vivarium.plugin.sae.transcoder;

import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Vec;

/**
 * A TopK transcoder: {@code f = TopK(ReLU(W_enc^T x + b_enc))}, {@code y_hat = W_dec^T f + b_dec}, where x is
 * the MLP's input and y_hat the prediction of its output. Weights use the SAE layout ({@link SaeWeights}), so
 * encoding reuses {@link SparseAutoencoder} with a zero input bias.
 */
public final class Transcoder {
    private final SaeWeights weights;
    private final SparseAutoencoder encoder;

    /**
     * @param weights {@code W_enc [d][n]}, {@code b_enc [n]}, {@code W_dec [n][d]}, {@code b_dec [d]} (live)
     * @param k active latents per row
     */
    public Transcoder(SaeWeights weights, int k) {
        this.weights = weights;
        SaeWeights inputSide = new SaeWeights(weights.wEnc(), weights.bEnc(), weights.wDec(),
                new float[weights.dIn()]);
        this.encoder = new SparseAutoencoder(inputSide, SaeKind.TOPK, k);
    }

    /** @return the weights (live) */
    public SaeWeights weights() {
        return weights;
    }

    /** @return TopK's k */
    public int k() {
        return encoder.k();
    }

    /** @return per-thread buffers */
    public SparseAutoencoder.Scratch scratch() {
        return encoder.scratch();
    }

    /**
     * Encodes an input and predicts the output.
     *
     * @param x the MLP input, {@code d}
     * @param s scratch; receives the active latents
     * @param out receives the predicted MLP output, {@code d}
     * @return active latents
     */
    public int apply(float[] x, SparseAutoencoder.Scratch s, float[] out) {
        int active = encoder.encode(x, s);
        System.arraycopy(weights.bDec(), 0, out, 0, out.length);
        float[][] wDec = weights.wDec();
        for (int a = 0; a < active; a++) {
            Vec.axpy(s.val[a], wDec[s.idx[a]], out);
        }
        return active;
    }

    /**
     * The same map as SAE weights: {@code sparsify(W_enc^T (x - b_dec) + b_enc')} with
     * {@code b_enc' = b_enc + W_enc^T b_dec}, decoding to {@code W_dec^T f + b_dec}. Saved this way, the SAE
     * tools (dashboards, search) read a transcoder as an SAE on its input hook whose "reconstruction" is the
     * predicted MLP output.
     *
     * @return new weights
     */
    public SaeWeights asSaeWeights() {
        SaeWeights w = weights.copy();
        float[] bDec = w.bDec();
        for (int j = 0; j < bDec.length; j++) {
            Vec.axpy(bDec[j], w.wEnc()[j], w.bEnc());
        }
        return w;
    }
}
