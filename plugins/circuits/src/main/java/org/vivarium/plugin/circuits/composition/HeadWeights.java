package org.vivarium.plugin.circuits.composition;

import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.math.Mat;

/**
 * Per-head {@code W_Q, W_K, W_V} ({@code [d_model, d_head]}) and {@code W_O} ({@code [d_head, d_model]}) as the
 * composition scores use them, with their {@code d_head x d_head} Gram matrices precomputed.
 *
 * <p>For pre-LN models the weights are processed as TransformerLens' {@code fold_ln} and
 * {@code center_writing_weights} do: each reading matrix is multiplied by its block's {@code ln1.w}
 * ({@code diag(w) W_Q}), and each {@code W_O} has its output centred (the next LayerNorm removes the mean
 * anyway; not under an RMSNorm, which keeps it). Norm biases and the per-token scale are ignored, as in Elhage et
 * al. (2021).
 */
public final class HeadWeights {
    private final int layers;
    private final int heads;
    private final Mat[][] q;
    private final Mat[][] k;
    private final Mat[][] v;
    private final Mat[][] o;
    private final Mat[][] gq;
    private final Mat[][] gk;
    private final Mat[][] gv;
    private final Mat[][] ho;

    private HeadWeights(int layers, int heads) {
        this.layers = layers;
        this.heads = heads;
        q = new Mat[layers][heads];
        k = new Mat[layers][heads];
        v = new Mat[layers][heads];
        o = new Mat[layers][heads];
        gq = new Mat[layers][heads];
        gk = new Mat[layers][heads];
        gv = new Mat[layers][heads];
        ho = new Mat[layers][heads];
    }

    /**
     * Reads and processes the weights.
     *
     * @param cfg the architecture
     * @param weights {@code model.weights()}
     * @return the per-head matrices
     * @throws VivariumException if a weight is missing
     */
    public static HeadWeights of(ModelConfig cfg, Map<String, Tensor> weights) {
        HeadWeights w = new HeadWeights(cfg.nLayers(), cfg.nHeads());
        boolean fold = cfg.normalization() == Normalization.PRE;
        for (int l = 0; l < cfg.nLayers(); l++) {
            String a = "blocks." + l + ".attn.";
            float[] ln = fold ? need(weights, "blocks." + l + ".ln1.w").data() : null;
            for (int h = 0; h < cfg.nHeads(); h++) {
                Mat wq = Mat.slice(need(weights, a + "W_Q"), h);
                Mat wk = Mat.slice(need(weights, a + "W_K"), h);
                Mat wv = Mat.slice(need(weights, a + "W_V"), h);
                Mat wo = Mat.slice(need(weights, a + "W_O"), h);
                if (fold) {
                    wq = wq.scaleRows(ln);
                    wk = wk.scaleRows(ln);
                    wv = wv.scaleRows(ln);
                    wo = cfg.options().rmsNorm() ? wo : wo.centerRows(); // an RMSNorm keeps the mean
                }
                w.set(l, h, wq, wk, wv, wo);
            }
        }
        return w;
    }

    /**
     * Wraps given matrices (no folding), e.g. random ones for a baseline.
     *
     * @param q {@code [layer][head]} {@code [d_model, d_head]}
     * @param k same shape as {@code q}
     * @param v same shape as {@code q}
     * @param o {@code [layer][head]} {@code [d_head, d_model]}
     * @return the per-head matrices
     */
    public static HeadWeights of(Mat[][] q, Mat[][] k, Mat[][] v, Mat[][] o) {
        HeadWeights w = new HeadWeights(q.length, q[0].length);
        for (int l = 0; l < q.length; l++) {
            for (int h = 0; h < q[0].length; h++) {
                w.set(l, h, q[l][h], k[l][h], v[l][h], o[l][h]);
            }
        }
        return w;
    }

    private void set(int l, int h, Mat wq, Mat wk, Mat wv, Mat wo) {
        q[l][h] = wq;
        k[l][h] = wk;
        v[l][h] = wv;
        o[l][h] = wo;
        gq[l][h] = wq.gram();
        gk[l][h] = wk.gram();
        gv[l][h] = wv.gram();
        ho[l][h] = wo.times(wo.transpose());
    }

    private static Tensor need(Map<String, Tensor> weights, String name) {
        Tensor t = weights.get(name);
        if (t == null) {
            throw new VivariumException("the model has no weight " + name,
                    "composition scores need a GPT-style checkpoint with TransformerLens weight names");
        }
        return t;
    }

    /** @return number of layers */
    public int layers() {
        return layers;
    }

    /** @return heads per layer */
    public int heads() {
        return heads;
    }

    Mat q(int l, int h) {
        return q[l][h];
    }

    Mat k(int l, int h) {
        return k[l][h];
    }

    Mat v(int l, int h) {
        return v[l][h];
    }

    Mat o(int l, int h) {
        return o[l][h];
    }

    Mat gramQ(int l, int h) {
        return gq[l][h];
    }

    Mat gramK(int l, int h) {
        return gk[l][h];
    }

    Mat gramV(int l, int h) {
        return gv[l][h];
    }

    /** @return {@code W_O W_O^T} */
    Mat outerO(int l, int h) {
        return ho[l][h];
    }
}
