package org.vivarium.checkpoint.adapter;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.checkpoint.io.JsonFields;
import org.vivarium.checkpoint.io.JsonFiles;

/**
 * Reads and writes {@link AdapterConfig} as {@code adapter_config.json}.
 *
 * <pre>{@code
 * {
 *   "format": "vivarium-lora", "version": 1, "rank": 1, "alpha": 1.0,
 *   "targets": ["blocks.0.mlp.W_out"], "base_model_hash": "sha256:…"
 * }
 * }</pre>
 */
public final class AdapterConfigJson {
    /** The value of the {@code format} key. */
    public static final String FORMAT = "vivarium-lora";
    /** The format version written. */
    public static final int VERSION = 1;
    private static final String FIX = "fix adapter_config.json or write the adapter again";

    private AdapterConfigJson() {
    }

    /**
     * Reads a config file.
     *
     * @param file the adapter_config.json
     * @return the config
     * @throws VivariumException naming the file and every missing or invalid key
     */
    public static AdapterConfig read(Path file) {
        return fromJson(JsonFiles.readObject(file, FIX), file.toString());
    }

    /**
     * Writes a config file atomically.
     *
     * @param file the target
     * @param c the config
     */
    public static void write(Path file, AdapterConfig c) {
        JsonFiles.writePretty(file, toJson(c));
    }

    /**
     * Returns the config's id: the SHA-256 of its compact JSON, stored in adapter.safetensors to pair the files.
     *
     * @param c the config
     * @return {@code sha256:<hex>}
     */
    public static String id(AdapterConfig c) {
        return Provenances.sha256(JsonFiles.toCompactString(toJson(c)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Converts to JSON.
     *
     * @param c the config
     * @return the object
     */
    public static JsonObject toJson(AdapterConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", VERSION);
        o.addProperty("rank", c.rank());
        o.addProperty("alpha", c.alpha());
        JsonArray t = new JsonArray();
        c.targets().forEach(t::add);
        o.add("targets", t);
        o.addProperty("base_model_hash", c.baseModelHash());
        return o;
    }

    /**
     * Parses JSON, reporting every problem at once.
     *
     * @param o the object
     * @param source where it came from, for messages
     * @return the config
     * @throws VivariumException naming the source and every missing or invalid key
     */
    public static AdapterConfig fromJson(JsonObject o, String source) {
        JsonFields f = new JsonFields(o, source);
        String format = f.requireString("format");
        int version = f.requireInt("version");
        int rank = f.requireInt("rank");
        String hash = f.optionalString("base_model_hash", "");
        if (format != null && !FORMAT.equals(format)) {
            f.addProblem("format must be \"" + FORMAT + "\", got \"" + format + "\"");
        }
        if (f.has("version") && version != VERSION) {
            f.addProblem("version " + version + " is not supported (this build reads version " + VERSION + ")");
        }
        float alpha = readAlpha(o, f);
        List<String> targets = readTargets(o, f);
        f.throwIfInvalid(FIX);
        try {
            return new AdapterConfig(rank, alpha, targets, hash);
        } catch (VivariumException e) {
            throw new VivariumException(source + ": " + e.problem(), FIX, e);
        }
    }

    private static float readAlpha(JsonObject o, JsonFields f) {
        JsonElement e = o.get("alpha");
        if (e == null || e.isJsonNull()) {
            f.addProblem("missing alpha");
            return 0f;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            f.addProblem("alpha must be a number, got " + JsonFiles.kindOf(e));
            return 0f;
        }
        return e.getAsFloat();
    }

    private static List<String> readTargets(JsonObject o, JsonFields f) {
        JsonElement e = o.get("targets");
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            f.addProblem("missing targets");
            return out;
        }
        if (!e.isJsonArray()) {
            f.addProblem("targets must be an array of weight names, got " + JsonFiles.kindOf(e));
            return out;
        }
        for (JsonElement x : e.getAsJsonArray()) {
            if (x.isJsonPrimitive() && x.getAsJsonPrimitive().isString()) {
                out.add(x.getAsString());
            } else {
                f.addProblem("targets must hold strings, got " + JsonFiles.kindOf(x));
            }
        }
        return out;
    }
}
