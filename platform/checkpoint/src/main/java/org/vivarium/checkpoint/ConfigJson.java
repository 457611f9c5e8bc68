package org.vivarium.checkpoint;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.DecoderOptions;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.ModelSize;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.checkpoint.io.JsonFields;
import org.vivarium.checkpoint.io.JsonFiles;

/**
 * Reads and writes {@link ModelConfig} as {@code config.json} with TransformerLens' snake_case keys.
 *
 * <pre>{@code
 * {"n_layers": 2, "d_model": 64, "n_heads": 4, "d_head": 16, "d_mlp": 0, "d_vocab": 32, "n_ctx": 64,
 *  "act_fn": "gelu", "attn_only": true, "normalization": "pre", "positional": "learned"}
 * }</pre>
 *
 * <p>Models imported from Hugging Face add the {@link DecoderOptions} keys {@code rms_norm}, {@code norm_eps},
 * {@code gated_mlp}, {@code parallel_attn_mlp}, {@code rotary_dim} and {@code rotary_base}; they are written only
 * when the options differ from {@link DecoderOptions#STANDARD} and read as the standard values when absent.
 *
 * <p>Unknown keys are ignored. {@code d_mlp} may be missing or null when {@code attn_only} is true. A config with
 * an {@code architecture} other than {@code decoder} (an imported encoder, see
 * {@link org.vivarium.checkpoint.encoder.EncoderConfigJson}) is rejected with a message saying so.
 */
public final class ConfigJson {
    private static final String FIX = "fix config.json or re-export the checkpoint";

    private ConfigJson() {
    }

    /**
     * Reads a config file.
     *
     * @param file the config.json
     * @return the validated config
     * @throws VivariumException naming the file and every missing key, wrong type or bad value
     */
    public static ModelConfig read(Path file) {
        return fromJson(JsonFiles.readObject(file, FIX), file.toString());
    }

    /**
     * Writes a config file atomically.
     *
     * @param file the target config.json
     * @param config the config
     */
    public static void write(Path file, ModelConfig config) {
        JsonFiles.writePretty(file, toJson(config));
    }

    /**
     * Renders a config as pretty JSON text.
     *
     * @param config the config
     * @return the JSON text
     */
    public static String toJsonString(ModelConfig config) {
        return JsonFiles.toPrettyString(toJson(config));
    }

    /**
     * Parses config JSON text.
     *
     * @param json the text
     * @param source where it came from, for messages
     * @return the validated config
     */
    public static ModelConfig fromJsonString(String json, String source) {
        return fromJson(JsonFiles.parseObject(json, source, FIX), source);
    }

    /**
     * Converts a config to a JSON object.
     *
     * @param c the config
     * @return the object with snake_case keys and lower-case enum values
     */
    public static JsonObject toJson(ModelConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("n_layers", c.nLayers());
        o.addProperty("d_model", c.dModel());
        o.addProperty("n_heads", c.nHeads());
        o.addProperty("d_head", c.dHead());
        o.addProperty("d_mlp", c.dMlp());
        o.addProperty("d_vocab", c.dVocab());
        o.addProperty("n_ctx", c.nCtx());
        o.addProperty("act_fn", lower(c.actFn()));
        o.addProperty("attn_only", c.attnOnly());
        o.addProperty("normalization", lower(c.normalization()));
        o.addProperty("positional", lower(c.positional()));
        DecoderOptions opt = c.options();
        if (!opt.equals(DecoderOptions.STANDARD)) {
            o.addProperty("rms_norm", opt.rmsNorm());
            o.addProperty("norm_eps", opt.normEps());
            o.addProperty("gated_mlp", opt.gatedMlp());
            o.addProperty("parallel_attn_mlp", opt.parallelAttnMlp());
            o.addProperty("rotary_dim", opt.rotaryDim());
            o.addProperty("rotary_base", opt.rotaryBase());
        }
        return o;
    }

    /**
     * Converts a JSON object to a config.
     *
     * @param o the object
     * @param source where it came from, for messages
     * @return the validated config
     * @throws VivariumException naming the source and every problem
     */
    public static ModelConfig fromJson(JsonObject o, String source) {
        JsonFields f = new JsonFields(o, source);
        String arch = f.optionalString("architecture", "decoder");
        if (arch != null && !"decoder".equals(arch)) {
            throw new VivariumException(source + " describes a model with architecture=\"" + arch
                    + "\", not a GPT-style decoder", "load it with ModelRuntime.load, which also reads BERT-style"
                    + " encoders (architecture=\"encoder\"); decoder-only tools cannot use it");
        }
        int nLayers = f.requireInt("n_layers");
        int dModel = f.requireInt("d_model");
        int nHeads = f.requireInt("n_heads");
        int dHead = f.requireInt("d_head");
        int dVocab = f.requireInt("d_vocab");
        int nCtx = f.requireInt("n_ctx");
        boolean attnOnly = f.requireBoolean("attn_only");
        int dMlp = attnOnly ? f.optionalInt("d_mlp", 0) : f.requireInt("d_mlp");
        ActFn actFn = enumValue(f, ActFn.class, "act_fn");
        Normalization norm = enumValue(f, Normalization.class, "normalization");
        Positional pos = enumValue(f, Positional.class, "positional");
        DecoderOptions std = DecoderOptions.STANDARD;
        DecoderOptions options = new DecoderOptions(f.optionalBoolean("rms_norm", std.rmsNorm()),
                f.optionalDouble("norm_eps", std.normEps()), f.optionalBoolean("gated_mlp", std.gatedMlp()),
                f.optionalBoolean("parallel_attn_mlp", std.parallelAttnMlp()),
                f.optionalInt("rotary_dim", std.rotaryDim()), f.optionalDouble("rotary_base", std.rotaryBase()));
        f.throwIfInvalid(FIX);
        ModelConfig config;
        try {
            config = new ModelConfig(nLayers, dModel, nHeads, dHead, dMlp, dVocab, nCtx, actFn, attnOnly, norm, pos,
                    options);
        } catch (VivariumException e) {
            throw new VivariumException(source + ": " + e.problem(), e.fix(), e);
        }
        ModelSize.requireFits(config, ModelSize.heapLimit(), source);
        return config;
    }

    private static <E extends Enum<E>> E enumValue(JsonFields f, Class<E> type, String key) {
        String text = f.requireString(key);
        if (text == null) {
            return null;
        }
        for (E c : type.getEnumConstants()) {
            if (c.name().equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        List<String> ok = new ArrayList<>();
        for (E c : type.getEnumConstants()) {
            ok.add(lower(c));
        }
        f.addProblem(key + "=\"" + text + "\" must be one of " + String.join(", ", ok));
        return null;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
