package org.vivarium.importer.hf;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.DecoderOptions;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;

/**
 * A Hugging Face {@code config.json} read into a Vivarium {@link ModelConfig} plus what the weight mapping needs.
 *
 * <pre>{@code
 * HfConfig hf = HfConfig.parse(json, "gpt2/config.json");
 * hf.model();          // n_layers, d_model, ..., DecoderOptions (RMSNorm, gated MLP, rotary dims, ...)
 * hf.nKvHeads();       // key/value heads before they are repeated for grouped-query attention
 * }</pre>
 *
 * @param architecture the family
 * @param model the Vivarium config (grouped-query key/value heads already counted as {@code n_heads})
 * @param nKvHeads key/value heads in the Hugging Face weights ({@code n_heads} without grouped-query attention)
 * @param tiedEmbeddings whether the unembedding is the transposed token embedding
 * @param qkvBias whether the q/k/v projections have biases
 * @param outBias whether the attention output projection has a bias
 * @param mlpBias whether the MLP projections have biases
 */
public record HfConfig(HfArchitecture architecture, ModelConfig model, int nKvHeads, boolean tiedEmbeddings,
        boolean qkvBias, boolean outBias, boolean mlpBias) {
    /**
     * The context length given to rotary models, whose positions are not weights: longer {@code
     * max_position_embeddings} (Qwen2's 32768) are capped here, as TransformerLens does, so one attention pattern fits.
     */
    public static final int ROTARY_CTX_CAP = 2048;

    /**
     * Parses and checks a config.
     *
     * @param o the parsed config.json
     * @param source its path, for messages
     * @return the config
     * @throws VivariumException naming the unsupported or missing setting and what is supported
     */
    public static HfConfig parse(JsonObject o, String source) {
        HfArchitecture a = HfArchitecture.of(o, source);
        Keys k = new Keys(o, source, a);
        HfConfig c;
        switch (a) {
            case GPT2 -> {
                int d = k.integer("n_embd");
                k.unsupportedIf("scale_attn_by_inverse_layer_idx", true);
                k.unsupportedIf("add_cross_attention", true);
                ModelConfig m = new ModelConfig(k.integer("n_layer"), d, k.integer("n_head"),
                        k.divide(d, k.integer("n_head")), k.integer("n_inner", 4 * d), k.integer("vocab_size"),
                        k.integer("n_positions"), k.act("activation_function", "gelu_new"), false,
                        Normalization.PRE, Positional.LEARNED,
                        new DecoderOptions(false, k.number("layer_norm_epsilon", 1e-5), false, false, 0, 10000));
                c = new HfConfig(a, m, m.nHeads(), true, true, true, true);
            }
            case GPT_NEOX -> {
                int d = k.integer("hidden_size");
                int h = k.integer("num_attention_heads");
                int e = k.divide(d, h);
                double pct = k.number("rotary_pct", k.number("partial_rotary_factor", 0.25));
                int rot = (int) (e * pct);
                if (rot % 2 != 0 || rot <= 0) {
                    throw k.unsupported("rotary_pct " + pct + " gives " + rot + " rotary dims of a head of " + e
                            + "; an even number of at least 2 is supported");
                }
                boolean bias = k.bool("attention_bias", true);
                ModelConfig m = new ModelConfig(k.integer("num_hidden_layers"), d, h, e,
                        k.integer("intermediate_size"), k.integer("vocab_size"), k.rotaryCtx(),
                        k.act("hidden_act", "gelu"), false, Normalization.PRE, Positional.ROTARY,
                        new DecoderOptions(false, k.number("layer_norm_eps", 1e-5), false,
                                k.bool("use_parallel_residual", true), rot == e ? 0 : rot,
                                k.number("rotary_emb_base", k.number("rope_theta", 10000))));
                k.noRopeScaling();
                c = new HfConfig(a, m, h, k.bool("tie_word_embeddings", false), bias, bias, true);
            }
            default -> {
                int d = k.integer("hidden_size");
                int h = k.integer("num_attention_heads");
                int kv = k.integer("num_key_value_heads", h);
                if (kv <= 0 || h % kv != 0) {
                    throw k.unsupported("num_key_value_heads=" + kv + " does not divide num_attention_heads=" + h
                            + "; grouped-query attention needs a divisor");
                }
                k.noRopeScaling();
                k.unsupportedIf("use_sliding_window", true);
                k.unsupportedIf("mlp_bias", true);
                boolean qwen = a == HfArchitecture.QWEN2;
                boolean attnBias = k.bool("attention_bias", false);
                ModelConfig m = new ModelConfig(k.integer("num_hidden_layers"), d, h,
                        k.integer("head_dim", k.divide(d, h)), k.integer("intermediate_size"), k.integer("vocab_size"),
                        k.rotaryCtx(), k.act("hidden_act", "silu"), false, Normalization.PRE,
                        Positional.ROTARY, new DecoderOptions(true, k.number("rms_norm_eps", 1e-6), true, false, 0,
                                k.number("rope_theta", 10000)));
                c = new HfConfig(a, m, kv, k.bool("tie_word_embeddings", false), qwen || attnBias, attnBias, false);
            }
        }
        return c;
    }

    /** Typed reads of config keys with errors naming the key. */
    private static final class Keys {
        private final JsonObject o;
        private final String source;
        private final HfArchitecture a;

        Keys(JsonObject o, String source, HfArchitecture a) {
            this.o = o;
            this.source = source;
            this.a = a;
        }

        private JsonElement value(String key) {
            JsonElement e = o.get(key);
            return e == null || e.isJsonNull() ? null : e;
        }

        int integer(String key) {
            JsonElement e = value(key);
            if (e == null) {
                throw new VivariumException(source + ": " + a.modelType() + " config has no " + key,
                        "add " + key + " to config.json (a Hugging Face " + a.className() + " config has it)");
            }
            return integer(key, 0);
        }

        int integer(String key, int absent) {
            JsonElement e = value(key);
            if (e == null) {
                return absent;
            }
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || e.getAsDouble() != e.getAsInt()
                    || e.getAsInt() <= 0) {
                throw new VivariumException(source + ": " + key + " must be a positive integer, got " + e,
                        "fix config.json");
            }
            return e.getAsInt();
        }

        int rotaryCtx() {
            return Math.min(integer("max_position_embeddings"), ROTARY_CTX_CAP);
        }

        double number(String key, double absent) {
            JsonElement e = value(key);
            if (e == null) {
                return absent;
            }
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw new VivariumException(source + ": " + key + " must be a number, got " + e, "fix config.json");
            }
            return e.getAsDouble();
        }

        boolean bool(String key, boolean absent) {
            JsonElement e = value(key);
            if (e == null) {
                return absent;
            }
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
                throw new VivariumException(source + ": " + key + " must be true or false, got " + e,
                        "fix config.json");
            }
            return e.getAsBoolean();
        }

        int divide(int d, int h) {
            if (h <= 0 || d % h != 0) {
                throw unsupported("a width of " + d + " does not split into " + h + " heads");
            }
            return d / h;
        }

        ActFn act(String key, String absent) {
            JsonElement e = value(key);
            String name = e == null ? absent : e.getAsString();
            switch (name) {
                case "gelu_new", "gelu_pytorch_tanh", "gelu_fast":
                    return ActFn.GELU_NEW;
                case "gelu":
                    return ActFn.GELU;
                case "relu":
                    return ActFn.RELU;
                case "silu", "swish":
                    return ActFn.SILU;
                default:
                    throw unsupported(key + "=\"" + name + "\" (supported: gelu_new, gelu_pytorch_tanh, gelu, relu,"
                            + " silu)");
            }
        }

        void unsupportedIf(String key, boolean bad) {
            JsonElement e = value(key);
            if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean() == bad) {
                throw unsupported(key + "=" + bad);
            }
        }

        void noRopeScaling() {
            JsonElement e = value("rope_scaling");
            if (e != null) {
                throw unsupported("rope_scaling " + e + " (only plain rotary embeddings, rope_scaling null)");
            }
        }

        VivariumException unsupported(String what) {
            List<String> fix = new ArrayList<>();
            fix.add("this " + a.className() + " config uses a setting Vivarium cannot run");
            fix.add(HfArchitecture.SUPPORTED + " with their standard settings");
            return new VivariumException(source + ": unsupported " + what, String.join("; ", fix));
        }
    }
}
