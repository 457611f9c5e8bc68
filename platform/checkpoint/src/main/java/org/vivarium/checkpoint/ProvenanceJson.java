package org.vivarium.checkpoint;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.checkpoint.io.JsonFields;
import org.vivarium.checkpoint.io.JsonFiles;

/**
 * Reads and writes {@link Provenance} as pretty {@code provenance.json} with snake_case keys.
 *
 * <pre>{@code
 * {
 *   "kind": "checkpoint", "recipe": "organism/induction", "seed": 7,
 *   "data_hash": "sha256:…", "code_version": "0.1.0-SNAPSHOT+9a58f54", "parent": "",
 *   "created_at": "2025-01-01T00:00:00Z", "settings": {…}, "environment": {…}
 * }
 * }</pre>
 */
public final class ProvenanceJson {
    private static final String FIX = "fix provenance.json or re-export the checkpoint";

    private ProvenanceJson() {
    }

    /**
     * Reads a provenance file.
     *
     * @param file the provenance.json
     * @return the provenance
     * @throws VivariumException naming the file and every missing key or wrong type
     */
    public static Provenance read(Path file) {
        return fromJson(JsonFiles.readObject(file, FIX), file.toString());
    }

    /**
     * Writes a provenance file atomically.
     *
     * @param file the target provenance.json
     * @param p the provenance
     */
    public static void write(Path file, Provenance p) {
        JsonFiles.writePretty(file, toJson(p));
    }

    /**
     * Renders provenance as pretty JSON text (stable: maps are sorted).
     *
     * @param p the provenance
     * @return the text
     */
    public static String toJsonString(Provenance p) {
        return JsonFiles.toPrettyString(toJson(p));
    }

    /**
     * Parses provenance JSON text.
     *
     * @param json the text
     * @param source where it came from, for messages
     * @return the provenance
     */
    public static Provenance fromJsonString(String json, String source) {
        return fromJson(JsonFiles.parseObject(json, source, FIX), source);
    }

    /**
     * Returns a content id for a provenance: the SHA-256 of its canonical JSON text.
     *
     * @param p the provenance
     * @return {@code sha256:<hex>}
     */
    public static String id(Provenance p) {
        return Provenances.sha256(toJsonString(p).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Converts provenance to a JSON object.
     *
     * @param p the provenance
     * @return the object
     */
    public static JsonObject toJson(Provenance p) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", p.kind());
        o.addProperty("recipe", p.recipe());
        o.addProperty("seed", p.seed());
        o.addProperty("data_hash", p.dataHash());
        o.addProperty("code_version", p.codeVersion());
        o.addProperty("parent", p.parent());
        o.addProperty("created_at", p.createdAt());
        o.add("settings", stringMap(p.settings()));
        o.add("environment", stringMap(p.environment()));
        return o;
    }

    /**
     * Converts a JSON object to provenance.
     *
     * @param o the object
     * @param source where it came from, for messages
     * @return the provenance
     * @throws VivariumException naming the source and every problem
     */
    public static Provenance fromJson(JsonObject o, String source) {
        JsonFields f = new JsonFields(o, source);
        String kind = f.requireString("kind");
        String recipe = f.requireString("recipe");
        long seed = f.requireLong("seed");
        String createdAt = f.requireString("created_at");
        String codeVersion = f.requireString("code_version");
        String dataHash = f.optionalString("data_hash", "");
        String parent = f.optionalString("parent", "");
        Map<String, String> settings = f.optionalStringMap("settings");
        Map<String, String> environment = f.optionalStringMap("environment");
        f.throwIfInvalid(FIX);
        return new Provenance(kind, recipe, settings, seed, dataHash, codeVersion, parent, createdAt, environment);
    }

    private static JsonObject stringMap(Map<String, String> m) {
        JsonObject o = new JsonObject();
        m.forEach(o::addProperty);
        return o;
    }
}
