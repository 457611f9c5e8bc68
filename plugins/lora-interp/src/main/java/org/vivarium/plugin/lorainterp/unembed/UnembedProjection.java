package org.vivarium.plugin.lorainterp.unembed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.tensor.Tensor;

/**
 * Projects a residual-stream direction {@code v} to the vocabulary (the direct logit effect, as in the logit
 * lens): centred ({@code v - mean(v)}), scaled elementwise by {@code ln_final.w} (the LayerNorm's gain; no bias,
 * since a direction has no offset), then multiplied by {@code unembed.W_U} ({@code [d_model, d_vocab]}). The
 * LayerNorm's division by the stream's scale is a positive factor per position and does not change the ranking;
 * its dependence on the stream itself is ignored. Models without a final LayerNorm use {@code v W_U}. A final
 * RMSNorm (Llama / Qwen2 style models, as the config says) does not centre, so there
 * {@code v} is only scaled by the gain.
 *
 * @param logits the logit change of every token per unit of {@code v}
 * @param promoted the largest changes, largest first
 * @param suppressed the most negative changes, most negative first
 */
public record UnembedProjection(double[] logits, List<TokenEffect> promoted, List<TokenEffect> suppressed) {
    /** The unembedding weight's name. */
    public static final String W_U = "unembed.W_U";
    /** The final LayerNorm gain's name. */
    public static final String LN_FINAL_W = "ln_final.w";
    /**
     * Projects a direction.
     *
     * @param weights the model's weights (TransformerLens names)
     * @param rmsNorm the model's final norm is an RMSNorm (the config's {@code DecoderOptions.rmsNorm}), which keeps
     *     the mean a LayerNorm removes
     * @param direction the direction, {@code d_model} wide
     * @param tokenizer decodes token ids
     * @param top how many tokens to list each way
     * @return the projection
     * @throws VivariumException if the model has no {@code unembed.W_U} or its width differs
     */
    public static UnembedProjection of(Map<String, Tensor> weights, boolean rmsNorm, double[] direction,
            Tokenizer tokenizer, int top) {
        Tensor wu = weights.get(W_U);
        if (wu == null || wu.rank() != 2 || wu.size(0) != direction.length) {
            throw new VivariumException("the model has no " + W_U + " of shape [" + direction.length + ", d_vocab]",
                    "pass a checkpoint of a decoder with an unembedding");
        }
        double[] v = effective(direction, weights.get(LN_FINAL_W), !rmsNorm);
        int d = wu.size(0);
        int vocab = wu.size(1);
        float[] w = wu.data();
        double[] logits = new double[vocab];
        for (int i = 0; i < d; i++) {
            double vi = v[i];
            int off = i * vocab;
            for (int j = 0; j < vocab; j++) {
                logits[j] += vi * w[off + j];
            }
        }
        Integer[] order = new Integer[vocab];
        for (int j = 0; j < vocab; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -logits[j]).thenComparingInt(j -> j));
        int n = Math.min(top, vocab);
        List<TokenEffect> up = new ArrayList<>();
        List<TokenEffect> down = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            up.add(effect(order[i], logits, tokenizer));
            down.add(effect(order[vocab - 1 - i], logits, tokenizer));
        }
        return new UnembedProjection(logits, List.copyOf(up), List.copyOf(down));
    }

    /**
     * The direction as the unembedding sees it: centred (a LayerNorm, not an RMSNorm) and scaled by the gain, if any.
     */
    static double[] effective(double[] direction, Tensor lnGain, boolean centred) {
        if (lnGain == null) {
            return direction.clone();
        }
        double mean = 0;
        for (double x : direction) {
            mean += x;
        }
        mean = centred ? mean / direction.length : 0;
        float[] g = lnGain.data();
        double[] v = new double[direction.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (direction[i] - mean) * g[i];
        }
        return v;
    }

    private static TokenEffect effect(int id, double[] logits, Tokenizer tokenizer) {
        String text = id < tokenizer.vocabSize() ? tokenizer.tokenText(id) : "<" + id + ">";
        return new TokenEffect(id, text, logits[id]);
    }
}
