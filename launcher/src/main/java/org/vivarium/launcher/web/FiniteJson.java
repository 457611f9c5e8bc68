package org.vivarium.launcher.web;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * Makes an API body valid JSON: every number that is not finite (NaN, +-Infinity, e.g. a loss cell that is not a
 * number) becomes {@code null}. Values copied from report files, which write NaN for numbers that do not exist, are
 * read as the strings {@code "NaN"} / {@code "Infinity"} and stay strings. Both are documented in
 * {@code docs/openapi.yaml}.
 */
final class FiniteJson {
    /** Builds the tree; it accepts NaN so that it can be replaced afterwards. */
    private static final Gson TREE = new GsonBuilder().serializeSpecialFloatingPointValues().serializeNulls().create();

    private FiniteJson() {
    }

    /**
     * @param body a map, list, record-free value or JSON tree
     * @return the body as a JSON tree without non-finite numbers
     */
    static JsonElement of(Object body) {
        return finite(TREE.toJsonTree(body));
    }

    private static JsonElement finite(JsonElement e) {
        if (e instanceof JsonPrimitive p) {
            return p.isNumber() && !Double.isFinite(p.getAsDouble()) ? JsonNull.INSTANCE : p;
        }
        if (e instanceof JsonArray a) {
            JsonArray out = new JsonArray(a.size());
            a.forEach(x -> out.add(finite(x)));
            return out;
        }
        if (e instanceof JsonObject o) {
            JsonObject out = new JsonObject();
            for (Map.Entry<String, JsonElement> m : o.entrySet()) {
                out.add(m.getKey(), finite(m.getValue()));
            }
            return out;
        }
        return e;
    }
}
