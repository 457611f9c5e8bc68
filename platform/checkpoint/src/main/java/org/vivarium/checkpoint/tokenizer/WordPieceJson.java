package org.vivarium.checkpoint.tokenizer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.checkpoint.io.JsonFields;
import org.vivarium.checkpoint.io.JsonFiles;

/**
 * The {@code tokenizer.json} form of a {@link WordPieceTokenizer}:
 *
 * <pre>{@code
 * {"kind": "wordpiece", "clean_text": true, "handle_chinese_chars": true, "strip_accents": true,
 *  "lowercase": true, "unk_token": "[UNK]", "cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]",
 *  "continuing_subword_prefix": "##", "max_input_chars_per_word": 100,
 *  "special_tokens": ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"], "vocab": ["[PAD]", "[unused0]", …]}
 * }</pre>
 */
final class WordPieceJson {
    private static final String FIX = "fix tokenizer.json or re-import the model";

    private WordPieceJson() {
    }

    static JsonObject toJson(WordPieceTokenizer t) {
        WordPieceSettings s = t.settings();
        JsonObject o = new JsonObject();
        o.addProperty("kind", t.kind());
        o.addProperty("clean_text", s.cleanText());
        o.addProperty("handle_chinese_chars", s.handleChineseChars());
        o.addProperty("strip_accents", s.stripAccents());
        o.addProperty("lowercase", s.lowercase());
        o.addProperty("unk_token", s.unkToken());
        o.addProperty("cls_token", s.clsToken());
        o.addProperty("sep_token", s.sepToken());
        o.addProperty("pad_token", s.padToken());
        o.addProperty("continuing_subword_prefix", s.continuingSubwordPrefix());
        o.addProperty("max_input_chars_per_word", s.maxInputCharsPerWord());
        o.add("special_tokens", strings(s.specialTokens()));
        o.add("vocab", strings(t.vocab()));
        return o;
    }

    static WordPieceTokenizer fromJson(JsonObject o, String source) {
        JsonFields f = new JsonFields(o, source);
        boolean clean = f.requireBoolean("clean_text");
        boolean chinese = f.requireBoolean("handle_chinese_chars");
        boolean strip = f.requireBoolean("strip_accents");
        boolean lower = f.requireBoolean("lowercase");
        String unk = f.requireString("unk_token");
        String cls = f.requireString("cls_token");
        String sep = f.requireString("sep_token");
        String pad = f.requireString("pad_token");
        String prefix = f.requireString("continuing_subword_prefix");
        int maxChars = f.requireInt("max_input_chars_per_word");
        f.throwIfInvalid(FIX);
        List<String> specials = stringList(o, "special_tokens", source);
        List<String> vocab = stringList(o, "vocab", source);
        try {
            return new WordPieceTokenizer(vocab, new WordPieceSettings(clean, chinese, strip, lower, unk, cls, sep,
                    pad, prefix, maxChars, specials));
        } catch (VivariumException e) {
            throw new VivariumException(source + ": " + e.problem(), FIX, e);
        }
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static List<String> stringList(JsonObject o, String key, String source) {
        JsonElement v = o.get(key);
        if (v == null || !v.isJsonArray()) {
            throw new VivariumException(source + ": " + key + " must be an array of strings, got "
                    + JsonFiles.kindOf(v), FIX);
        }
        List<String> out = new ArrayList<>();
        for (JsonElement e : v.getAsJsonArray()) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw new VivariumException(source + ": " + key + " entry " + out.size() + " is "
                        + JsonFiles.kindOf(e) + ", not a string", FIX);
            }
            out.add(e.getAsString());
        }
        return out;
    }
}
