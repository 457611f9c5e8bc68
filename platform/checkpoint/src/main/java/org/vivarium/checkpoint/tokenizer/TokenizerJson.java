package org.vivarium.checkpoint.tokenizer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.checkpoint.io.JsonFields;
import org.vivarium.checkpoint.io.JsonFiles;

/**
 * Reads and writes {@code tokenizer.json}: {@code {"kind":"char","vocab":["\uFFFD","a",…]}},
 * {@code {"kind":"symbol","size":32}} or {@code {"kind":"wordpiece",…}} (see {@link WordPieceTokenizer}).
 *
 * <pre>{@code
 * TokenizerJson.write(dir.resolve("tokenizer.json"), tok);
 * Tokenizer back = TokenizerJson.read(dir.resolve("tokenizer.json"));
 * }</pre>
 */
public final class TokenizerJson {
    private static final String FIX = "fix tokenizer.json or re-export the checkpoint";

    private TokenizerJson() {
    }

    /**
     * Reads a tokenizer file.
     *
     * @param file the tokenizer.json
     * @return the tokenizer
     * @throws VivariumException naming the file if it is missing, malformed or of an unknown kind
     */
    public static Tokenizer read(Path file) {
        return fromJson(JsonFiles.readObject(file, FIX), file.toString());
    }

    /**
     * Writes a tokenizer file atomically.
     *
     * @param file the target tokenizer.json
     * @param tokenizer a {@link CharTokenizer}, {@link SymbolTokenizer} or {@link WordPieceTokenizer}
     * @throws VivariumException if the tokenizer is of a kind this format cannot store
     */
    public static void write(Path file, Tokenizer tokenizer) {
        JsonFiles.writePretty(file, toJson(tokenizer));
    }

    /**
     * Converts a tokenizer to JSON.
     *
     * @param tokenizer a {@link CharTokenizer}, {@link SymbolTokenizer} or {@link WordPieceTokenizer}
     * @return the object
     * @throws VivariumException if the tokenizer is of a kind this format cannot store
     */
    public static JsonObject toJson(Tokenizer tokenizer) {
        JsonObject o = new JsonObject();
        if (tokenizer instanceof CharTokenizer c) {
            o.addProperty("kind", c.kind());
            JsonArray vocab = new JsonArray();
            c.vocab().forEach(vocab::add);
            o.add("vocab", vocab);
        } else if (tokenizer instanceof SymbolTokenizer s) {
            o.addProperty("kind", s.kind());
            o.addProperty("size", s.vocabSize());
        } else if (tokenizer instanceof WordPieceTokenizer w) {
            return WordPieceJson.toJson(w);
        } else {
            throw new VivariumException("cannot save a tokenizer of kind \"" + tokenizer.kind() + "\" ("
                    + tokenizer.getClass().getName() + ") to tokenizer.json",
                    "use a char, symbol or wordpiece tokenizer");
        }
        return o;
    }

    /**
     * Converts JSON to a tokenizer.
     *
     * @param o the object
     * @param source where it came from, for messages
     * @return the tokenizer
     */
    public static Tokenizer fromJson(JsonObject o, String source) {
        JsonFields f = new JsonFields(o, source);
        String kind = f.requireString("kind");
        f.throwIfInvalid(FIX);
        switch (kind) {
            case "char":
                List<String> vocab = charVocab(o, source);
                return withSource(source, () -> new CharTokenizer(vocab));
            case "symbol":
                int size = f.requireInt("size");
                f.throwIfInvalid(FIX);
                return withSource(source, () -> new SymbolTokenizer(size));
            case "wordpiece":
                return WordPieceJson.fromJson(o, source);
            default:
                throw new VivariumException(source + " has unknown tokenizer kind \"" + kind + "\"",
                        "use \"char\", \"symbol\" or \"wordpiece\", or re-export the checkpoint");
        }
    }

    private static Tokenizer withSource(String source, Supplier<Tokenizer> factory) {
        try {
            return factory.get();
        } catch (VivariumException e) {
            throw new VivariumException(source + ": " + e.problem(), FIX, e);
        }
    }

    private static List<String> charVocab(JsonObject o, String source) {
        JsonElement v = o.get("vocab");
        if (v == null || !v.isJsonArray()) {
            throw new VivariumException(source + ": vocab must be an array of single characters, got "
                    + JsonFiles.kindOf(v), FIX);
        }
        List<String> vocab = new ArrayList<>();
        for (JsonElement e : v.getAsJsonArray()) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw new VivariumException(source + ": vocab entry " + vocab.size() + " is " + JsonFiles.kindOf(e)
                        + ", not a string", FIX);
            }
            vocab.add(e.getAsString());
        }
        return vocab;
    }
}
