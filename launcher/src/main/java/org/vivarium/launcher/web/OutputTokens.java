package org.vivarium.launcher.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.tensor.Tensor;

/**
 * The tokens a direction in the residual stream promotes and suppresses: its direct effect on every logit,
 * {@code direction · W_U} (the unembedding only; the final LayerNorm is not applied), highest and lowest first.
 *
 * @param promoted the tokens with the largest positive logit effect, largest first
 * @param suppressed the tokens with the most negative logit effect, most negative first
 */
record OutputTokens(List<TokenLogit> promoted, List<TokenLogit> suppressed) {
    /** Tokens listed on each side. */
    static final int TOP = 10;

    /**
     * One token and its logit effect.
     *
     * @param id the token id
     * @param token the token's text
     * @param logit the change of its logit per unit of the direction
     */
    record TokenLogit(int id, String token, float logit) {
        Map<String, Object> json() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", id);
            o.put("token", token);
            o.put("logit", logit);
            return o;
        }
    }

    /**
     * @param direction a residual-stream direction, {@code d_model} values
     * @param unembed {@code unembed.W_U}, {@code [d_model, d_vocab]}
     * @param tokenizer the model's tokenizer, for the token texts
     * @param k tokens listed on each side
     * @return up to {@code k} promoted (effect above 0) and suppressed (below 0) tokens; ties go to the lower id
     * @throws IllegalArgumentException if the direction's length is not {@code d_model}
     */
    static OutputTokens of(float[] direction, Tensor unembed, Tokenizer tokenizer, int k) {
        float[] logits = logits(direction, unembed);
        Comparator<Integer> up = Comparator.<Integer>comparingDouble(i -> -logits[i]).thenComparing(i -> i);
        Comparator<Integer> down = Comparator.<Integer>comparingDouble(i -> logits[i]).thenComparing(i -> i);
        return new OutputTokens(top(logits, up, k, tokenizer, 1), top(logits, down, k, tokenizer, -1));
    }

    /**
     * @param direction {@code d_model} values
     * @param unembed {@code [d_model, d_vocab]}
     * @return {@code direction · W_U}, one value per token
     */
    static float[] logits(float[] direction, Tensor unembed) {
        int d = unembed.size(0);
        int v = unembed.size(1);
        if (direction.length != d) {
            throw new IllegalArgumentException("direction has " + direction.length + " values, W_U has " + d + " rows");
        }
        float[] w = unembed.data();
        double[] acc = new double[v];
        for (int j = 0; j < d; j++) {
            double c = direction[j];
            int base = j * v;
            for (int t = 0; t < v; t++) {
                acc[t] += c * w[base + t];
            }
        }
        float[] out = new float[v];
        for (int t = 0; t < v; t++) {
            out[t] = (float) acc[t];
        }
        return out;
    }

    private static List<TokenLogit> top(float[] logits, Comparator<Integer> order, int k, Tokenizer tokenizer,
            int sign) {
        List<TokenLogit> out = new ArrayList<>();
        IntStream.range(0, logits.length).filter(i -> Math.signum(logits[i]) == sign).boxed().sorted(order).limit(k)
                .forEach(i -> out.add(new TokenLogit(i, tokenizer.tokenText(i), logits[i])));
        return out;
    }

    /** @return {@code promoted} and {@code suppressed} as JSON-ready lists */
    Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("promoted", promoted.stream().map(TokenLogit::json).toList());
        o.put("suppressed", suppressed.stream().map(TokenLogit::json).toList());
        return o;
    }
}
