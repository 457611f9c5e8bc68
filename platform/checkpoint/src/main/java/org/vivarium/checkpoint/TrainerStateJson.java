package org.vivarium.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.vivarium.api.VivariumException;
import org.vivarium.checkpoint.io.JsonFiles;

/**
 * Reads and writes {@code trainer_state.json}: a flat object of strings such as
 * {@code {"step": "1200", "lr": "3e-4", "rng": "…"}} that a trainer needs to resume.
 */
public final class TrainerStateJson {
    private static final String FIX = "fix trainer_state.json or delete it together with optimizer.safetensors"
            + " to start training afresh";

    private TrainerStateJson() {
    }

    /**
     * Reads a trainer state file.
     *
     * @param file the trainer_state.json
     * @return key to value, sorted
     * @throws VivariumException naming the file if it is missing, malformed or holds a non-string value
     */
    public static Map<String, String> read(Path file) {
        JsonObject o = JsonFiles.readObject(file, FIX);
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw new VivariumException(file + ": " + e.getKey() + " must be a string, got "
                        + JsonFiles.kindOf(v), FIX);
            }
            out.put(e.getKey(), v.getAsString());
        }
        return out;
    }

    /**
     * Writes a trainer state file atomically, keys sorted.
     *
     * @param file the target trainer_state.json
     * @param state key to value
     */
    public static void write(Path file, Map<String, String> state) {
        JsonObject o = new JsonObject();
        new TreeMap<>(state).forEach(o::addProperty);
        JsonFiles.writePretty(file, o);
    }
}
