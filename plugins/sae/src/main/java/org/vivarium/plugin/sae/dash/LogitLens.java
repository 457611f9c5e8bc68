package org.vivarium.plugin.sae.dash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.sae.math.Vec;

/**
 * Reads a decoder direction through the model's output: the unit direction is centred (as the final
 * LayerNorm does; not under a final RMSNorm, as the config says for Llama / Qwen2
 * style models), scaled by the final norm's gain and multiplied by {@code W_U}, giving the direct
 * effect on every token's logit. The most promoted and most suppressed tokens are a latent's output side.
 */
final class LogitLens {
    /**
     * One token and its logit effect.
     *
     * @param id the token id
     * @param token the token text
     * @param logit the change in its logit per unit of the direction
     */
    record TokenLogit(int id, String token, float logit) {
    }

    private final float[][] unembed;
    private final float[] gain;
    private final boolean centred;
    private final Tokenizer tokenizer;

    /**
     * @param weights the model weights ({@code unembed.W_U [d_model, d_vocab]}, optional {@code ln_final.w})
     * @param rmsNorm the model's final norm is an RMSNorm (the config's {@code DecoderOptions.rmsNorm}), which keeps
     *     the mean a LayerNorm removes
     * @param tokenizer the model's tokenizer
     * @return the lens, or null if the weights have no {@code unembed.W_U}
     */
    static LogitLens of(Map<String, Tensor> weights, boolean rmsNorm, Tokenizer tokenizer) {
        Tensor wU = weights.get("unembed.W_U");
        if (wU == null || wU.rank() != 2) {
            return null;
        }
        int d = wU.size(0);
        int v = wU.size(1);
        float[][] rows = new float[d][v];
        for (int j = 0; j < d; j++) {
            System.arraycopy(wU.data(), j * v, rows[j], 0, v);
        }
        Tensor ln = weights.get("ln_final.w");
        float[] gain = ln != null && ln.numel() == d ? ln.data().clone() : null;
        boolean centred = gain == null || !rmsNorm;
        return new LogitLens(rows, gain, centred, tokenizer);
    }

    private LogitLens(float[][] unembed, float[] gain, boolean centred, Tokenizer tokenizer) {
        this.unembed = unembed;
        this.gain = gain;
        this.centred = centred;
        this.tokenizer = tokenizer;
    }

    /** @return the model width the lens expects */
    int dModel() {
        return unembed.length;
    }

    /**
     * Computes the logit effect of a direction.
     *
     * @param direction a decoder row, {@code d_model}
     * @return one value per vocabulary entry
     */
    float[] logits(float[] direction) {
        int d = direction.length;
        float norm = Vec.norm(direction);
        double mean = 0;
        for (float x : direction) {
            mean += x;
        }
        mean = centred ? mean / d : 0;
        float[] out = new float[unembed[0].length];
        for (int j = 0; j < d; j++) {
            float c = (float) ((direction[j] - mean) / (norm > 0 ? norm : 1)) * (gain == null ? 1f : gain[j]);
            if (c != 0) {
                Vec.axpy(c, unembed[j], out);
            }
        }
        return out;
    }

    /**
     * Returns the {@code k} tokens with the largest (or smallest) values, best first, ties to the lower id.
     *
     * @param logits per-token values
     * @param k how many
     * @param largest true for the most promoted, false for the most suppressed
     * @return the tokens
     */
    List<TokenLogit> extreme(float[] logits, int k, boolean largest) {
        int n = Math.min(k, logits.length);
        int[] best = new int[n];
        int size = 0;
        for (int i = 0; i < logits.length; i++) {
            float v = largest ? logits[i] : -logits[i];
            int at = size;
            while (at > 0 && (largest ? logits[best[at - 1]] : -logits[best[at - 1]]) < v) {
                at--;
            }
            if (at >= n) {
                continue;
            }
            int last = Math.min(size, n - 1);
            System.arraycopy(best, at, best, at + 1, last - at);
            best[at] = i;
            size = Math.min(n, size + 1);
        }
        List<TokenLogit> out = new ArrayList<>(size);
        for (int j = 0; j < size; j++) {
            out.add(new TokenLogit(best[j], tokenizer.tokenText(best[j]), logits[best[j]]));
        }
        return out;
    }
}
