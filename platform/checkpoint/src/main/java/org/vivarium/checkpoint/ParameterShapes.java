package org.vivarium.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;

/**
 * The TransformerLens state-dict layout of a {@link ModelConfig}: every parameter name with its shape.
 *
 * <pre>{@code
 * Map<String, int[]> shapes = ParameterShapes.forConfig(cfg);
 * shapes.get("blocks.0.attn.W_Q");   // [n_heads, d_model, d_head]
 * // gated MLPs add mlp.W_gate [d_model, d_mlp]; RMSNorms have a gain .w and no bias .b
 * ParameterShapes.total(shapes) == cfg.parameterCount();
 * }</pre>
 */
public final class ParameterShapes {

    private ParameterShapes() {
    }

    /**
     * Lists parameter names and shapes in TransformerLens order: embeddings, blocks, final norm, unembed.
     *
     * @param cfg the architecture
     * @return an ordered, read-only map from name to shape
     */
    public static Map<String, int[]> forConfig(ModelConfig cfg) {
        int d = cfg.dModel();
        int h = cfg.nHeads();
        int dh = cfg.dHead();
        boolean norm = cfg.normalization() != Normalization.NONE;
        boolean normBias = !cfg.options().rmsNorm();
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("embed.W_E", new int[] {cfg.dVocab(), d});
        if (cfg.positional() == Positional.LEARNED) {
            m.put("pos_embed.W_pos", new int[] {cfg.nCtx(), d});
        }
        for (int l = 0; l < cfg.nLayers(); l++) {
            String b = "blocks." + l + ".";
            if (norm) {
                norm(m, b + "ln1", d, normBias);
            }
            for (String w : new String[] {"W_Q", "W_K", "W_V"}) {
                m.put(b + "attn." + w, new int[] {h, d, dh});
            }
            m.put(b + "attn.W_O", new int[] {h, dh, d});
            for (String bias : new String[] {"b_Q", "b_K", "b_V"}) {
                m.put(b + "attn." + bias, new int[] {h, dh});
            }
            m.put(b + "attn.b_O", new int[] {d});
            if (!cfg.attnOnly()) {
                if (norm) {
                    norm(m, b + "ln2", d, normBias);
                }
                if (cfg.options().gatedMlp()) {
                    m.put(b + "mlp.W_gate", new int[] {d, cfg.dMlp()});
                }
                m.put(b + "mlp.W_in", new int[] {d, cfg.dMlp()});
                m.put(b + "mlp.b_in", new int[] {cfg.dMlp()});
                m.put(b + "mlp.W_out", new int[] {cfg.dMlp(), d});
                m.put(b + "mlp.b_out", new int[] {d});
            }
        }
        if (cfg.normalization() == Normalization.PRE) {
            norm(m, "ln_final", d, normBias);
        }
        m.put("unembed.W_U", new int[] {d, cfg.dVocab()});
        m.put("unembed.b_U", new int[] {cfg.dVocab()});
        return Collections.unmodifiableMap(m);
    }

    /** A norm's gain, and its bias unless it is an RMSNorm. */
    private static void norm(Map<String, int[]> m, String name, int d, boolean bias) {
        m.put(name + ".w", new int[] {d});
        if (bias) {
            m.put(name + ".b", new int[] {d});
        }
    }

    /**
     * Sums the element counts of a shape map.
     *
     * @param shapes name to shape
     * @return the total number of parameters
     */
    public static long total(Map<String, int[]> shapes) {
        long sum = 0;
        for (int[] s : shapes.values()) {
            long n = 1;
            for (int x : s) {
                n *= x;
            }
            sum += n;
        }
        return sum;
    }

    /**
     * Formats a shape compactly, e.g. {@code [4,64,16]}.
     *
     * @param shape the dimensions
     * @return the text
     */
    public static String format(int[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ",").append(shape[i]);
        }
        return sb.append(']').toString();
    }
}
