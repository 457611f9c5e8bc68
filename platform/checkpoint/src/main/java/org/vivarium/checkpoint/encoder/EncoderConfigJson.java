package org.vivarium.checkpoint.encoder;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.checkpoint.ConfigJson;
import org.vivarium.checkpoint.io.JsonFields;
import org.vivarium.checkpoint.io.JsonFiles;

/**
 * Reads and writes an {@link EncoderConfig} as {@code config.json}: the decoder's TransformerLens keys (see
 * {@link ConfigJson}) plus {@code architecture}, {@code n_token_types} and {@code eps}.
 *
 * <pre>{@code
 * {"architecture": "encoder", "n_layers": 6, "d_model": 384, "n_heads": 12, "d_head": 32, "d_mlp": 1536,
 *  "d_vocab": 30522, "n_ctx": 512, "act_fn": "gelu", "attn_only": false, "normalization": "post",
 *  "positional": "learned", "n_token_types": 2, "eps": 1.0E-12}
 * }</pre>
 */
public final class EncoderConfigJson {
    /** The value of {@code architecture} that marks an encoder. */
    public static final String ARCHITECTURE = "encoder";
    private static final String FIX = "fix config.json or re-import the model";

    private EncoderConfigJson() {
    }

    /**
     * Tells whether a config.json describes an encoder, without validating the rest.
     *
     * @param file the config.json
     * @return whether its {@code architecture} is {@code encoder}
     */
    public static boolean isEncoder(Path file) {
        JsonObject o = JsonFiles.readObject(file, FIX);
        JsonElement a = o.get("architecture");
        return a != null && a.isJsonPrimitive() && ARCHITECTURE.equals(a.getAsString());
    }

    /**
     * Reads a config file.
     *
     * @param file the config.json
     * @return the validated config
     * @throws VivariumException naming the file and every missing key, wrong type or bad value
     */
    public static EncoderConfig read(Path file) {
        return fromJson(JsonFiles.readObject(file, FIX), file.toString());
    }

    /**
     * Writes a config file atomically.
     *
     * @param file the target config.json
     * @param cfg the config
     */
    public static void write(Path file, EncoderConfig cfg) {
        JsonFiles.writePretty(file, toJson(cfg));
    }

    /**
     * Converts a config to JSON, {@code architecture} first.
     *
     * @param cfg the config
     * @return the object
     */
    public static JsonObject toJson(EncoderConfig cfg) {
        JsonObject o = new JsonObject();
        o.addProperty("architecture", ARCHITECTURE);
        for (Map.Entry<String, JsonElement> e : ConfigJson.toJson(cfg.base()).entrySet()) {
            o.add(e.getKey(), e.getValue());
        }
        o.addProperty("n_token_types", cfg.nTokenTypes());
        o.addProperty("eps", cfg.layerNormEps());
        return o;
    }

    /**
     * Converts JSON to a config.
     *
     * @param o the object
     * @param source where it came from, for messages
     * @return the validated config
     * @throws VivariumException naming the source and every problem
     */
    public static EncoderConfig fromJson(JsonObject o, String source) {
        JsonFields f = new JsonFields(o, source);
        String arch = f.requireString("architecture");
        int types = f.requireInt("n_token_types");
        float eps = eps(o, f);
        f.throwIfInvalid(FIX);
        if (!ARCHITECTURE.equals(arch)) {
            throw new VivariumException(source + ": architecture=\"" + arch + "\" is not an encoder",
                    "load decoder checkpoints with ConfigJson / CheckpointIO");
        }
        JsonObject base = o.deepCopy();
        base.remove("architecture");
        try {
            return new EncoderConfig(ConfigJson.fromJson(base, source), types, eps);
        } catch (VivariumException e) {
            String problem = e.problem().startsWith(source) ? e.problem() : source + ": " + e.problem();
            throw new VivariumException(problem, e.fix(), e);
        }
    }

    private static float eps(JsonObject o, JsonFields f) {
        JsonElement e = o.get("eps");
        if (e == null || e.isJsonNull()) {
            f.addProblem("eps is missing");
            return 0f;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            f.addProblem("eps must be a number, got " + JsonFiles.kindOf(e));
            return 0f;
        }
        return e.getAsFloat();
    }
}
