package org.vivarium.launcher.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vivarium.api.VivariumException;

/**
 * Reads the JSON files a run holds ({@code report.json}, {@code audit/report.json}, {@code leaderboard.json}):
 * leniently, because reports write NaN for numbers that do not exist, and at most {@link #MAX_BYTES}.
 */
final class RunJson {
    /** Largest JSON file a page reads. */
    static final long MAX_BYTES = 32L << 20;

    private RunJson() {
    }

    /**
     * @param file a JSON file
     * @return its object, or null when there is no such file
     * @throws VivariumException naming the file if it is too large, unreadable or not a JSON object
     */
    static JsonObject read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new VivariumException(file.getFileName() + " is larger than " + (MAX_BYTES >> 20) + " MB",
                        "open it from the command line instead");
            }
            JsonElement root = JsonParser.parseString(Files.readString(file));
            if (!root.isJsonObject()) {
                throw new VivariumException(file.getFileName() + " does not hold a JSON object",
                        "rewrite it with the command that made it");
            }
            return root.getAsJsonObject();
        } catch (IOException | JsonParseException e) {
            throw new VivariumException("cannot read " + file.getFileName() + ": " + e.getMessage(),
                    "rewrite it with the command that made it", e);
        }
    }

    /**
     * @param o an object, may be null
     * @param key a key
     * @return the member as text (numbers and booleans as written), or null when absent or JSON null
     */
    static String text(JsonObject o, String key) {
        if (o == null || !o.has(key) || o.get(key).isJsonNull()) {
            return null;
        }
        JsonElement e = o.get(key);
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    /**
     * @param o an object, may be null
     * @param key a key
     * @return the member if it is an object, else an empty object
     */
    static JsonObject object(JsonObject o, String key) {
        return o != null && o.has(key) && o.get(key).isJsonObject() ? o.getAsJsonObject(key) : new JsonObject();
    }

    /**
     * @param o an object, may be null
     * @param key a key
     * @return the member if it is an array, else an empty array
     */
    static com.google.gson.JsonArray array(JsonObject o, String key) {
        return o != null && o.has(key) && o.get(key).isJsonArray() ? o.getAsJsonArray(key)
                : new com.google.gson.JsonArray();
    }
}
