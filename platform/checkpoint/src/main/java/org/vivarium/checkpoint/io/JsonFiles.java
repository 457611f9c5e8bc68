package org.vivarium.checkpoint.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vivarium.api.VivariumException;

/**
 * Reads JSON objects strictly (RFC 8259, no comments or unquoted strings) and writes them pretty-printed
 * and atomically. Errors name the file and are one line.
 */
public final class JsonFiles {
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    private JsonFiles() {
    }

    /**
     * Reads a file holding one JSON object.
     *
     * @param file the file
     * @param fix what to tell the user if the file is missing or malformed
     * @return the object
     * @throws VivariumException if the file is missing, unreadable, not JSON or not an object
     */
    public static JsonObject readObject(Path file, String fix) {
        if (!Files.isRegularFile(file)) {
            throw new VivariumException("no file " + file, fix);
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new VivariumException("cannot read " + file + " (" + e.getMessage() + ")", fix, e);
        }
        return parseObject(text, file.toString(), fix);
    }

    /**
     * Parses text holding one JSON object.
     *
     * @param json the text
     * @param source where it came from, for messages (usually the file path)
     * @param fix what to tell the user if the text is malformed
     * @return the object
     * @throws VivariumException if the text is not strict JSON or not an object
     */
    public static JsonObject parseObject(String json, String source, String fix) {
        JsonElement root;
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("unexpected text after the JSON value");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new VivariumException(source + " is not valid JSON (" + oneLine(e.getMessage()) + ")", fix, e);
        }
        if (!root.isJsonObject()) {
            throw new VivariumException(source + " must hold a JSON object, found " + kindOf(root), fix);
        }
        return root.getAsJsonObject();
    }

    /**
     * Renders JSON pretty-printed with a trailing newline.
     *
     * @param element the JSON
     * @return the text
     */
    public static String toPrettyString(JsonElement element) {
        return PRETTY.toJson(element) + "\n";
    }

    /**
     * Renders JSON compactly (no whitespace, no HTML escaping).
     *
     * @param element the JSON
     * @return the text
     */
    public static String toCompactString(JsonElement element) {
        return COMPACT.toJson(element);
    }

    /**
     * Writes JSON pretty-printed, atomically.
     *
     * @param file the target file
     * @param element the JSON
     */
    public static void writePretty(Path file, JsonElement element) {
        AtomicFiles.writeString(file, toPrettyString(element));
    }

    /**
     * Names the JSON type of an element for messages: object, array, string, number, boolean or null.
     *
     * @param e the element
     * @return its kind
     */
    public static String kindOf(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        var p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return "a boolean (" + p + ")";
        }
        if (p.isNumber()) {
            return "a number (" + p + ")";
        }
        String s = p.getAsString();
        return "a string (\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\")";
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String line = s.replaceAll("\\s+", " ").trim();
        int see = line.indexOf(" See https://");
        return see > 0 ? line.substring(0, see) : line;
    }
}
