package org.vivarium.plugin.circuits.lens;

import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.tensor.Tensor;

/**
 * The model's read-out, {@code ln_final} then {@code W_U} and {@code b_U}, applied to any residual-stream vector
 * in Java. For pre-LN models the final norm is recomputed from the vector it is given, with the model's epsilon
 * ({@code DecoderOptions.normEps}, 1e-5 for models trained here): a LayerNorm (centred, gain and bias) or, for
 * Llama / Qwen2 style models, an RMSNorm ({@code x / sqrt(mean(x^2) + eps) * w}: not centred, no bias); models with
 * no or post-LN have no final norm and the vector is unembedded as it is.
 */
public final class Unembed {
    private final int dModel;
    private final int dVocab;
    private final float[] wU;
    private final float[] bU;
    private final float[] lnW;
    private final float[] lnB;
    private final boolean rms;
    private final double eps;

    private Unembed(int dModel, int dVocab, float[] wU, float[] bU, float[] lnW, float[] lnB, boolean rms,
            double eps) {
        this.dModel = dModel;
        this.dVocab = dVocab;
        this.wU = wU;
        this.bU = bU;
        this.lnW = lnW;
        this.lnB = lnB;
        this.rms = rms;
        this.eps = eps;
    }

    /**
     * Reads the read-out weights.
     *
     * @param cfg the architecture
     * @param weights {@code model.weights()}
     * @return the read-out
     * @throws VivariumException if a weight is missing
     */
    public static Unembed of(ModelConfig cfg, Map<String, Tensor> weights) {
        boolean pre = cfg.normalization() == Normalization.PRE;
        boolean rms = cfg.options().rmsNorm();
        return new Unembed(cfg.dModel(), cfg.dVocab(), need(weights, "unembed.W_U").data(),
                need(weights, "unembed.b_U").data(), pre ? need(weights, "ln_final.w").data() : null,
                pre && !rms ? need(weights, "ln_final.b").data() : null, rms, cfg.options().normEps());
    }

    static Tensor need(Map<String, Tensor> weights, String name) {
        Tensor t = weights.get(name);
        if (t == null) {
            throw new VivariumException("the model has no weight " + name,
                    "use a GPT-style checkpoint with TransformerLens weight names");
        }
        return t;
    }

    /** @return whether a final norm (LayerNorm or RMSNorm) is applied */
    public boolean hasFinalNorm() {
        return lnW != null;
    }

    /**
     * Returns the final norm's scale of a vector, {@code sqrt(var(x) + eps)} (LayerNorm) or
     * {@code sqrt(mean(x^2) + eps)} (RMSNorm), or 1 without one.
     *
     * @param x a residual vector
     * @return the scale
     */
    public double scale(float[] x) {
        if (lnW == null) {
            return 1;
        }
        double m = rms ? 0 : mean(x);
        double v = 0;
        for (float f : x) {
            v += (f - m) * (f - m);
        }
        return Math.sqrt(v / x.length + eps);
    }

    static double mean(float[] x) {
        double m = 0;
        for (float f : x) {
            m += f;
        }
        return m / x.length;
    }

    /**
     * Logits of one residual vector.
     *
     * @param x {@code [d_model]}
     * @return {@code [d_vocab]}
     */
    public double[] logits(float[] x) {
        double[] h = new double[dModel];
        if (lnW == null) {
            for (int i = 0; i < dModel; i++) {
                h[i] = x[i];
            }
        } else {
            double m = rms ? 0 : mean(x);
            double s = scale(x);
            for (int i = 0; i < dModel; i++) {
                h[i] = (x[i] - m) / s * lnW[i] + (lnB == null ? 0 : lnB[i]);
            }
        }
        double[] out = new double[dVocab];
        for (int j = 0; j < dVocab; j++) {
            out[j] = bU[j];
        }
        for (int i = 0; i < dModel; i++) {
            double hi = h[i];
            int row = i * dVocab;
            for (int j = 0; j < dVocab; j++) {
                out[j] += hi * wU[row + j];
            }
        }
        return out;
    }

    /**
     * The unembedding direction of a logit difference: {@code W_U[:, answer] - W_U[:, wrong]}.
     *
     * @param answer the answer token
     * @param wrong the subtracted token, or -1 for the answer's logit alone
     * @return {@code [d_model]}
     */
    public double[] direction(int answer, int wrong) {
        double[] u = new double[dModel];
        for (int i = 0; i < dModel; i++) {
            u[i] = wU[i * dVocab + answer] - (wrong >= 0 ? wU[i * dVocab + wrong] : 0);
        }
        return u;
    }

    /**
     * The part of a logit difference no component writes: {@code b_lnf . u + b_U[answer] - b_U[wrong]} (an RMSNorm
     * has no {@code b_lnf}).
     *
     * @param answer the answer token
     * @param wrong the subtracted token, or -1
     * @return the constant
     */
    public double constant(int answer, int wrong) {
        double c = bU[answer] - (wrong >= 0 ? bU[wrong] : 0);
        if (lnB != null) {
            double[] u = direction(answer, wrong);
            for (int i = 0; i < dModel; i++) {
                c += lnB[i] * u[i];
            }
        }
        return c;
    }

    /**
     * A component's direct contribution to a logit difference, with the final LayerNorm's scale frozen at the
     * value it had on the full residual stream: {@code ((c - mean c) / scale) . (w_lnf * u)} (not centred under an
     * RMSNorm). Summed over all
     * components plus {@link #constant} it gives the model's logit difference exactly.
     *
     * @param component the component's output at one position, {@code [d_model]}
     * @param u the direction from {@link #direction}
     * @param scale the final LayerNorm's scale of the full residual at that position ({@link #scale})
     * @return the contribution
     */
    public double contribution(double[] component, double[] u, double scale) {
        double m = 0;
        if (lnW != null && !rms) {
            for (double c : component) {
                m += c;
            }
            m /= component.length;
        }
        double s = 0;
        for (int i = 0; i < dModel; i++) {
            s += (component[i] - m) * u[i] * (lnW == null ? 1 : lnW[i]);
        }
        return s / scale;
    }
}
