package org.vivarium.importer.bert;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.encoder.EncoderConfig;

/**
 * Maps a {@link BertLayout}'s Hugging Face weights to TransformerLens {@code HookedEncoder} names and layouts
 * (see {@link org.vivarium.checkpoint.encoder.EncoderShapes}):
 *
 * <pre>
 * embeddings.word_embeddings.weight [V, D]          → embed.embed.W_E [V, D]
 * embeddings.position_embeddings.weight [P, D]      → embed.pos_embed.W_pos [P, D]
 * embeddings.token_type_embeddings.weight [T, D]    → embed.token_type_embed.W_token_type [T, D]
 * embeddings.LayerNorm.{weight,bias}                → embed.ln.{w,b}
 * encoder.layer.L.attention.self.query [D, H*E]     → blocks.L.attn.W_Q [H, D, E], b_Q [H, E] (key, value alike)
 * encoder.layer.L.attention.output.dense [H*E, D]   → blocks.L.attn.W_O [H, E, D], b_O [D]
 * encoder.layer.L.attention.output.LayerNorm        → blocks.L.ln1.{w,b}
 * encoder.layer.L.intermediate.dense [D, M]         → blocks.L.mlp.W_in [D, M], b_in [M]
 * encoder.layer.L.output.dense [M, D]               → blocks.L.mlp.W_out [M, D], b_out [D]
 * encoder.layer.L.output.LayerNorm                  → blocks.L.ln2.{w,b}
 * </pre>
 */
public final class BertWeights {
    private BertWeights() {
    }

    /**
     * Returns the encoder config the layout implies.
     *
     * @param b the layout
     * @return post-LN, learned positions, with the graph's epsilon and activation
     */
    public static EncoderConfig config(BertLayout b) {
        ModelConfig base = new ModelConfig(b.nLayers(), b.dModel(), b.nHeads(), b.dHead(), b.dMlp(), b.dVocab(),
                b.nCtx(), b.actFn(), false, Normalization.POST, org.vivarium.api.model.Positional.LEARNED);
        return new EncoderConfig(base, b.nTokenTypes(), b.eps());
    }

    /**
     * Copies the weights out of the ONNX file into TransformerLens names.
     *
     * @param b the layout
     * @return name to tensor
     */
    public static Map<String, Tensor> toTransformerLens(BertLayout b) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("embed.embed.W_E", copy(b, "embeddings.word_embeddings.weight"));
        out.put("embed.pos_embed.W_pos", copy(b, "embeddings.position_embeddings.weight"));
        out.put("embed.token_type_embed.W_token_type", copy(b, "embeddings.token_type_embeddings.weight"));
        out.put("embed.ln.w", copy(b, "embeddings.LayerNorm.weight"));
        out.put("embed.ln.b", copy(b, "embeddings.LayerNorm.bias"));
        int h = b.nHeads();
        int e = b.dHead();
        int d = b.dModel();
        for (int l = 0; l < b.nLayers(); l++) {
            String hf = "encoder.layer." + l + ".";
            String tl = "blocks." + l + ".";
            String[][] qkv = {{"query", "Q"}, {"key", "K"}, {"value", "V"}};
            for (String[] x : qkv) {
                String src = hf + "attention.self." + x[0];
                out.put(tl + "attn.W_" + x[1], Tensor.of(headsIn(floats(b, src + ".weight"), d, h, e), h, d, e));
                out.put(tl + "attn.b_" + x[1], Tensor.of(floats(b, src + ".bias"), h, e));
            }
            out.put(tl + "attn.W_O", Tensor.of(floats(b, hf + "attention.output.dense.weight"), h, e, d));
            out.put(tl + "attn.b_O", copy(b, hf + "attention.output.dense.bias"));
            out.put(tl + "ln1.w", copy(b, hf + "attention.output.LayerNorm.weight"));
            out.put(tl + "ln1.b", copy(b, hf + "attention.output.LayerNorm.bias"));
            out.put(tl + "mlp.W_in", copy(b, hf + "intermediate.dense.weight"));
            out.put(tl + "mlp.b_in", copy(b, hf + "intermediate.dense.bias"));
            out.put(tl + "mlp.W_out", copy(b, hf + "output.dense.weight"));
            out.put(tl + "mlp.b_out", copy(b, hf + "output.dense.bias"));
            out.put(tl + "ln2.w", copy(b, hf + "output.LayerNorm.weight"));
            out.put(tl + "ln2.b", copy(b, hf + "output.LayerNorm.bias"));
        }
        return out;
    }

    /** {@code [D, H*E]} (columns grouped by head) to {@code [H, D, E]}. */
    static float[] headsIn(float[] w, int d, int h, int e) {
        float[] out = new float[w.length];
        for (int head = 0; head < h; head++) {
            for (int row = 0; row < d; row++) {
                System.arraycopy(w, row * h * e + head * e, out, (head * d + row) * e, e);
            }
        }
        return out;
    }

    private static float[] floats(BertLayout b, String name) {
        return b.tensors().get(name).floats();
    }

    private static Tensor copy(BertLayout b, String name) {
        return Tensor.of(floats(b, name), b.tensors().get(name).shape());
    }
}
