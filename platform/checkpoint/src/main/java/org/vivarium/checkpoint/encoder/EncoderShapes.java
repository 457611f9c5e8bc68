package org.vivarium.checkpoint.encoder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.model.ModelConfig;

/**
 * The TransformerLens {@code HookedEncoder} state-dict layout of an {@link EncoderConfig}: every parameter name with
 * its shape. Attention and MLP weights are laid out as in the decoder ({@code W_Q [n_heads, d_model, d_head]},
 * {@code W_in [d_model, d_mlp]}); {@code ln1} follows attention and {@code ln2} follows the MLP (post-LN).
 *
 * <pre>{@code
 * EncoderShapes.forConfig(cfg).get("embed.token_type_embed.W_token_type");   // [n_token_types, d_model]
 * }</pre>
 */
public final class EncoderShapes {
    private EncoderShapes() {
    }

    /**
     * Lists parameter names and shapes: embeddings and their LayerNorm, then each block.
     *
     * @param cfg the encoder
     * @return an ordered, read-only map from name to shape
     */
    public static Map<String, int[]> forConfig(EncoderConfig cfg) {
        ModelConfig c = cfg.base();
        int d = c.dModel();
        int h = c.nHeads();
        int e = c.dHead();
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("embed.embed.W_E", new int[] {c.dVocab(), d});
        m.put("embed.pos_embed.W_pos", new int[] {c.nCtx(), d});
        m.put("embed.token_type_embed.W_token_type", new int[] {cfg.nTokenTypes(), d});
        m.put("embed.ln.w", new int[] {d});
        m.put("embed.ln.b", new int[] {d});
        for (int l = 0; l < c.nLayers(); l++) {
            String b = "blocks." + l + ".";
            for (String w : new String[] {"W_Q", "W_K", "W_V"}) {
                m.put(b + "attn." + w, new int[] {h, d, e});
            }
            m.put(b + "attn.W_O", new int[] {h, e, d});
            for (String bias : new String[] {"b_Q", "b_K", "b_V"}) {
                m.put(b + "attn." + bias, new int[] {h, e});
            }
            m.put(b + "attn.b_O", new int[] {d});
            m.put(b + "ln1.w", new int[] {d});
            m.put(b + "ln1.b", new int[] {d});
            m.put(b + "mlp.W_in", new int[] {d, c.dMlp()});
            m.put(b + "mlp.b_in", new int[] {c.dMlp()});
            m.put(b + "mlp.W_out", new int[] {c.dMlp(), d});
            m.put(b + "mlp.b_out", new int[] {d});
            m.put(b + "ln2.w", new int[] {d});
            m.put(b + "ln2.b", new int[] {d});
        }
        return Collections.unmodifiableMap(m);
    }
}
