package org.vivarium.importer.hf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.importer.hf.HfTensors.RowOf;

/**
 * Maps Hugging Face weight names and layouts to TransformerLens names ({@code embed.W_E},
 * {@code blocks.L.attn.W_Q [n_heads, d_model, d_head]}, {@code blocks.L.mlp.W_in [d_model, d_mlp]}, ...), one
 * method per family. Absent biases become zeros; tied embeddings give {@code W_U = W_E^T}; grouped-query
 * key/value heads are repeated to one per query head.
 */
final class HfWeights {
    private static final List<String> GPT2_BUFFERS = List.of(".attn.bias", ".attn.masked_bias");
    private static final List<String> NEOX_BUFFERS = List.of(".attention.bias", ".attention.masked_bias",
            ".rotary_emb.inv_freq");
    private static final List<String> LLAMA_BUFFERS = List.of(".rotary_emb.inv_freq");

    private HfWeights() {
    }

    /**
     * Maps every weight of a checkpoint.
     *
     * @param hf the parsed config
     * @param t the checkpoint's tensors
     * @return TransformerLens name to tensor, in TransformerLens order
     */
    static Map<String, Tensor> toTransformerLens(HfConfig hf, HfTensors t) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        switch (hf.architecture()) {
            case GPT2 -> gpt2(hf, t, out);
            case GPT_NEOX -> neox(hf, t, out);
            default -> llama(hf, t, out);
        }
        return out;
    }

    private static void gpt2(HfConfig hf, HfTensors t, Map<String, Tensor> out) {
        ModelConfig c = hf.model();
        int d = c.dModel();
        int h = c.nHeads();
        int e = c.dHead();
        String p = t.has("transformer.wte.weight") ? "transformer." : "";
        Tensor wte = t.take(p + "wte.weight", c.dVocab(), d);
        out.put("embed.W_E", wte);
        out.put("pos_embed.W_pos", t.take(p + "wpe.weight", c.nCtx(), d));
        for (int l = 0; l < c.nLayers(); l++) {
            String s = p + "h." + l + ".";
            String b = "blocks." + l + ".";
            layerNorm(t, s + "ln_1", b + "ln1", d, out);
            // Conv1D weights are [in, out]: transposed, they are nn.Linear's [out, in]
            Tensor qkv = HfTensors.transpose(t.take(s + "attn.c_attn.weight", d, 3 * d));
            Tensor qkvBias = t.take(s + "attn.c_attn.bias", 3 * d);
            String[] names = {"Q", "K", "V"};
            for (int j = 0; j < 3; j++) {
                int offset = j * d;
                RowOf rows = (head, i) -> offset + head * e + i;
                out.put(b + "attn.W_" + names[j], HfTensors.headsIn(qkv, h, e, 1, rows));
                out.put(b + "attn.b_" + names[j], HfTensors.headBias(qkvBias, h, e, 1, rows));
            }
            out.put(b + "attn.W_O", t.take(s + "attn.c_proj.weight", d, d).reshape(h, e, d));
            out.put(b + "attn.b_O", t.take(s + "attn.c_proj.bias", d));
            layerNorm(t, s + "ln_2", b + "ln2", d, out);
            out.put(b + "mlp.W_in", t.take(s + "mlp.c_fc.weight", d, c.dMlp()));
            out.put(b + "mlp.b_in", t.take(s + "mlp.c_fc.bias", c.dMlp()));
            out.put(b + "mlp.W_out", t.take(s + "mlp.c_proj.weight", c.dMlp(), d));
            out.put(b + "mlp.b_out", t.take(s + "mlp.c_proj.bias", d));
        }
        layerNorm(t, p + "ln_f", "ln_final", d, out);
        unembed(hf, t, t.has("lm_head.weight") ? "lm_head.weight" : null, wte, out);
        t.requireAllTaken(GPT2_BUFFERS);
    }

    private static void neox(HfConfig hf, HfTensors t, Map<String, Tensor> out) {
        ModelConfig c = hf.model();
        int d = c.dModel();
        int h = c.nHeads();
        int e = c.dHead();
        Tensor wte = t.take("gpt_neox.embed_in.weight", c.dVocab(), d);
        out.put("embed.W_E", wte);
        for (int l = 0; l < c.nLayers(); l++) {
            String s = "gpt_neox.layers." + l + ".";
            String b = "blocks." + l + ".";
            layerNorm(t, s + "input_layernorm", b + "ln1", d, out);
            // fused query_key_value: per head h, rows [q(d_head) | k(d_head) | v(d_head)]
            Tensor qkv = t.take(s + "attention.query_key_value.weight", 3 * d, d);
            Tensor qkvBias = t.biasOrZeros(hf.qkvBias(), s + "attention.query_key_value.bias", 3 * d);
            String[] names = {"Q", "K", "V"};
            for (int j = 0; j < 3; j++) {
                int offset = j * e;
                RowOf rows = (head, i) -> head * 3 * e + offset + i;
                out.put(b + "attn.W_" + names[j], HfTensors.headsIn(qkv, h, e, 1, rows));
                out.put(b + "attn.b_" + names[j], HfTensors.headBias(qkvBias, h, e, 1, rows));
            }
            out.put(b + "attn.W_O", HfTensors.headsOut(t.take(s + "attention.dense.weight", d, d), h, e));
            out.put(b + "attn.b_O", t.biasOrZeros(hf.outBias(), s + "attention.dense.bias", d));
            layerNorm(t, s + "post_attention_layernorm", b + "ln2", d, out);
            out.put(b + "mlp.W_in", HfTensors.transpose(t.take(s + "mlp.dense_h_to_4h.weight", c.dMlp(), d)));
            out.put(b + "mlp.b_in", t.take(s + "mlp.dense_h_to_4h.bias", c.dMlp()));
            out.put(b + "mlp.W_out", HfTensors.transpose(t.take(s + "mlp.dense_4h_to_h.weight", d, c.dMlp())));
            out.put(b + "mlp.b_out", t.take(s + "mlp.dense_4h_to_h.bias", d));
        }
        layerNorm(t, "gpt_neox.final_layer_norm", "ln_final", d, out);
        unembed(hf, t, "embed_out.weight", wte, out);
        t.requireAllTaken(NEOX_BUFFERS);
    }

    private static void llama(HfConfig hf, HfTensors t, Map<String, Tensor> out) {
        ModelConfig c = hf.model();
        int d = c.dModel();
        int h = c.nHeads();
        int e = c.dHead();
        int kv = hf.nKvHeads();
        int groups = h / kv;
        RowOf rows = (head, i) -> head * e + i;
        Tensor wte = t.take("model.embed_tokens.weight", c.dVocab(), d);
        out.put("embed.W_E", wte);
        for (int l = 0; l < c.nLayers(); l++) {
            String s = "model.layers." + l + ".";
            String b = "blocks." + l + ".";
            out.put(b + "ln1.w", t.take(s + "input_layernorm.weight", d));
            String[] names = {"Q", "K", "V"};
            String[] proj = {"q_proj", "k_proj", "v_proj"};
            for (int j = 0; j < 3; j++) {
                int heads = j == 0 ? h : kv;
                int g = j == 0 ? 1 : groups;
                String n = s + "self_attn." + proj[j];
                out.put(b + "attn.W_" + names[j], HfTensors.headsIn(t.take(n + ".weight", heads * e, d), h, e, g,
                        rows));
                out.put(b + "attn.b_" + names[j], HfTensors.headBias(t.biasOrZeros(hf.qkvBias(), n + ".bias",
                        heads * e), h, e, g, rows));
            }
            out.put(b + "attn.W_O", HfTensors.headsOut(t.take(s + "self_attn.o_proj.weight", d, h * e), h, e));
            out.put(b + "attn.b_O", t.biasOrZeros(hf.outBias(), s + "self_attn.o_proj.bias", d));
            out.put(b + "ln2.w", t.take(s + "post_attention_layernorm.weight", d));
            out.put(b + "mlp.W_gate", HfTensors.transpose(t.take(s + "mlp.gate_proj.weight", c.dMlp(), d)));
            out.put(b + "mlp.W_in", HfTensors.transpose(t.take(s + "mlp.up_proj.weight", c.dMlp(), d)));
            out.put(b + "mlp.b_in", Tensor.zeros(c.dMlp()));
            out.put(b + "mlp.W_out", HfTensors.transpose(t.take(s + "mlp.down_proj.weight", d, c.dMlp())));
            out.put(b + "mlp.b_out", Tensor.zeros(d));
        }
        out.put("ln_final.w", t.take("model.norm.weight", d));
        unembed(hf, t, "lm_head.weight", wte, out);
        t.requireAllTaken(LLAMA_BUFFERS);
    }

    private static void layerNorm(HfTensors t, String hfName, String tlName, int d, Map<String, Tensor> out) {
        out.put(tlName + ".w", t.take(hfName + ".weight", d));
        out.put(tlName + ".b", t.take(hfName + ".bias", d));
    }

    /** {@code W_U}: the separate head when the weights have one, else the transposed token embedding (tied). */
    private static void unembed(HfConfig hf, HfTensors t, String head, Tensor wte, Map<String, Tensor> out) {
        ModelConfig c = hf.model();
        boolean separate = head != null && (!hf.tiedEmbeddings() || t.has(head));
        Tensor w = separate ? t.take(head, c.dVocab(), c.dModel()) : wte;
        out.put("unembed.W_U", HfTensors.transpose(w));
        out.put("unembed.b_U", Tensor.zeros(c.dVocab()));
    }
}
