package org.vivarium.checkpoint.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vivarium.api.VivariumException;

/**
 * Typed, error-collecting access to the fields of one JSON object.
 *
 * <pre>{@code
 * JsonFields f = new JsonFields(obj, "runs/x/config.json");
 * int nLayers = f.requireInt("n_layers");
 * boolean attnOnly = f.requireBoolean("attn_only");
 * f.throwIfInvalid("fix config.json");   // one line listing every missing or mistyped key
 * }</pre>
 *
 * <p>Getters never throw: they record the problem and return a placeholder, so that one read reports
 * all missing keys and wrong types together. Use one instance per read.
 */
public final class JsonFields {
    private final JsonObject object;
    private final String source;
    private final List<String> missing = new ArrayList<>();
    private final List<String> wrong = new ArrayList<>();

    /**
     * Wraps an object.
     *
     * @param object the parsed JSON object
     * @param source where it came from, for messages
     */
    public JsonFields(JsonObject object, String source) {
        this.object = object;
        this.source = source;
    }

    /**
     * Tells whether a key is present and not null.
     *
     * @param key the key
     * @return whether it has a value
     */
    public boolean has(String key) {
        JsonElement e = object.get(key);
        return e != null && !e.isJsonNull();
    }

    /**
     * Reads a required integer in {@code int} range.
     *
     * @param key the key
     * @return the value, or 0 if missing or invalid (recorded)
     */
    public int requireInt(String key) {
        Long v = integer(key, true);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            wrong.add(key + " must fit in a 32-bit integer, got " + v);
            return 0;
        }
        return v == null ? 0 : v.intValue();
    }

    /**
     * Reads an optional integer in {@code int} range.
     *
     * @param key the key
     * @param absent the value to return when the key is missing or null
     * @return the value
     */
    public int optionalInt(String key, int absent) {
        return has(key) ? requireInt(key) : absent;
    }

    /**
     * Reads a required 64-bit integer.
     *
     * @param key the key
     * @return the value, or 0 if missing or invalid (recorded)
     */
    public long requireLong(String key) {
        Long v = integer(key, true);
        return v == null ? 0L : v;
    }

    /**
     * Reads a required boolean.
     *
     * @param key the key
     * @return the value, or false if missing or invalid (recorded)
     */
    public boolean requireBoolean(String key) {
        JsonElement e = present(key, true);
        if (e == null) {
            return false;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsBoolean();
        }
        wrong.add(key + " must be true or false, got " + JsonFiles.kindOf(e));
        return false;
    }

    /**
     * Reads an optional boolean.
     *
     * @param key the key
     * @param absent the value to return when the key is missing or null
     * @return the value
     */
    public boolean optionalBoolean(String key, boolean absent) {
        return has(key) ? requireBoolean(key) : absent;
    }

    /**
     * Reads an optional finite number.
     *
     * @param key the key
     * @param absent the value to return when the key is missing or null
     * @return the value, or {@code absent} if invalid (recorded)
     */
    public double optionalDouble(String key, double absent) {
        if (!has(key)) {
            return absent;
        }
        JsonElement e = object.get(key);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() && Double.isFinite(e.getAsDouble())) {
            return e.getAsDouble();
        }
        wrong.add(key + " must be a finite number, got " + JsonFiles.kindOf(e));
        return absent;
    }

    /**
     * Reads a required string.
     *
     * @param key the key
     * @return the value, or {@code null} if missing or invalid (recorded)
     */
    public String requireString(String key) {
        return string(key, true);
    }

    /**
     * Reads an optional string.
     *
     * @param key the key
     * @param absent the value to return when the key is missing or null
     * @return the value
     */
    public String optionalString(String key, String absent) {
        String s = string(key, false);
        return s == null ? absent : s;
    }

    /**
     * Reads an optional object whose values are all strings.
     *
     * @param key the key
     * @return the map, sorted by key; empty when absent or invalid (recorded)
     */
    public Map<String, String> optionalStringMap(String key) {
        Map<String, String> out = new TreeMap<>();
        JsonElement e = present(key, false);
        if (e == null) {
            return out;
        }
        if (!e.isJsonObject()) {
            wrong.add(key + " must be an object of strings, got " + JsonFiles.kindOf(e));
            return out;
        }
        for (var entry : e.getAsJsonObject().entrySet()) {
            JsonElement v = entry.getValue();
            if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
                out.put(entry.getKey(), v.getAsString());
            } else {
                wrong.add(key + "." + entry.getKey() + " must be a string, got " + JsonFiles.kindOf(v));
            }
        }
        return out;
    }

    /**
     * Records a problem found by the caller (e.g. a value out of range) so it is reported with the rest.
     *
     * @param problem a short statement such as {@code "size must be > 0, got -1"}
     */
    public void addProblem(String problem) {
        wrong.add(problem);
    }

    /**
     * Tells whether any problem was recorded.
     *
     * @return whether the object is valid so far
     */
    public boolean isValid() {
        return missing.isEmpty() && wrong.isEmpty();
    }

    /**
     * Throws one exception listing every missing key and every wrong value recorded so far.
     *
     * @param fix what the user should do
     * @throws VivariumException if any problem was recorded
     */
    public void throwIfInvalid(String fix) {
        if (isValid()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + String.join(", ", missing));
        }
        parts.addAll(wrong);
        throw new VivariumException(source + ": " + String.join("; ", parts), fix);
    }

    private JsonElement present(String key, boolean required) {
        JsonElement e = object.get(key);
        if (e == null || e.isJsonNull()) {
            if (required) {
                missing.add(key);
            }
            return null;
        }
        return e;
    }

    private String string(String key, boolean required) {
        JsonElement e = present(key, required);
        if (e == null) {
            return null;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return e.getAsString();
        }
        wrong.add(key + " must be a string, got " + JsonFiles.kindOf(e));
        return null;
    }

    private Long integer(String key, boolean required) {
        JsonElement e = present(key, required);
        if (e == null) {
            return null;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            try {
                return new BigDecimal(e.getAsString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException ex) {
                wrong.add(key + " must be a whole number, got " + e);
                return null;
            }
        }
        wrong.add(key + " must be an integer, got " + JsonFiles.kindOf(e));
        return null;
    }
}
