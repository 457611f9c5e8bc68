package org.vivarium.importer.bert;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.checkpoint.io.JsonFiles;
import org.vivarium.checkpoint.tokenizer.WordPieceSettings;
import org.vivarium.checkpoint.tokenizer.WordPieceTokenizer;

/**
 * Converts a Hugging Face {@code tokenizer.json} of a BERT WordPiece tokenizer ({@code BertNormalizer},
 * {@code BertPreTokenizer}, {@code WordPiece} model, {@code [CLS] $A [SEP]} template) to a {@link WordPieceTokenizer}.
 * The file's truncation and padding settings are run-time options and are not carried over.
 *
 * <pre>{@code
 * WordPieceTokenizer tok = HfWordPiece.fromTokenizerJson(Files.readString(path), path.toString());
 * }</pre>
 */
public final class HfWordPiece {
    private static final String SUPPORTED = "supported: a BERT WordPiece tokenizer.json (normalizer BertNormalizer, "
            + "pre_tokenizer BertPreTokenizer, model WordPiece, post_processor TemplateProcessing [CLS] $A [SEP] or "
            + "BertProcessing)";

    private HfWordPiece() {
    }

    /**
     * Parses and converts.
     *
     * @param json the tokenizer.json text
     * @param source where it came from, for messages
     * @return the tokenizer
     * @throws VivariumException naming the unsupported part and what is supported
     */
    public static WordPieceTokenizer fromTokenizerJson(String json, String source) {
        JsonObject o = JsonFiles.parseObject(json, source, SUPPORTED);
        JsonObject norm = object(o, "normalizer", "BertNormalizer", source);
        object(o, "pre_tokenizer", "BertPreTokenizer", source);
        JsonObject model = object(o, "model", "WordPiece", source);
        String cls = "[CLS]";
        String sep = "[SEP]";
        JsonObject post = o.get("post_processor") instanceof JsonObject p ? p : null;
        if (post != null && "BertProcessing".equals(string(post, "type"))) {
            cls = post.getAsJsonArray("cls").get(0).getAsString();
            sep = post.getAsJsonArray("sep").get(0).getAsString();
        } else if (post == null || !"TemplateProcessing".equals(string(post, "type"))
                || !post.get("single").toString().matches(".*\\[CLS\\].*\"A\".*\\[SEP\\].*")) {
            throw new VivariumException(source + " has a post_processor other than [CLS] $A [SEP]", SUPPORTED);
        }
        boolean lower = bool(norm, "lowercase", true);
        JsonElement strip = norm.get("strip_accents");
        boolean stripAccents = strip == null || strip.isJsonNull() ? lower : strip.getAsBoolean();
        List<String> vocab = vocab(model.getAsJsonObject("vocab"), source);
        List<String> specials = new ArrayList<>();
        if (o.get("added_tokens") != null && o.get("added_tokens").isJsonArray()) {
            for (JsonElement t : o.getAsJsonArray("added_tokens")) {
                if (t.getAsJsonObject().get("special").getAsBoolean()) {
                    specials.add(t.getAsJsonObject().get("content").getAsString());
                }
            }
        }
        String pad = o.get("padding") instanceof JsonObject p && p.has("pad_token")
                ? p.get("pad_token").getAsString() : "[PAD]";
        WordPieceSettings s = new WordPieceSettings(bool(norm, "clean_text", true),
                bool(norm, "handle_chinese_chars", true), stripAccents, lower, string(model, "unk_token"), cls, sep,
                pad, string(model, "continuing_subword_prefix"),
                model.has("max_input_chars_per_word") ? model.get("max_input_chars_per_word").getAsInt() : 100,
                specials);
        return new WordPieceTokenizer(vocab, s);
    }

    private static JsonObject object(JsonObject o, String key, String type, String source) {
        JsonElement e = o.get(key);
        if (!(e instanceof JsonObject obj) || !type.equals(string(obj, "type"))) {
            String got = e instanceof JsonObject obj ? string(obj, "type") : JsonFiles.kindOf(e);
            throw new VivariumException(source + " has " + key + " " + got + " where " + type + " is needed",
                    SUPPORTED);
        }
        return obj;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static boolean bool(JsonObject o, String key, boolean absent) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? absent : e.getAsBoolean();
    }

    private static List<String> vocab(JsonObject v, String source) {
        if (v == null || v.size() == 0) {
            throw new VivariumException(source + " has no WordPiece vocab", SUPPORTED);
        }
        String[] byId = new String[v.size()];
        for (Map.Entry<String, JsonElement> e : v.entrySet()) {
            int id = e.getValue().getAsInt();
            if (id < 0 || id >= byId.length || byId[id] != null) {
                throw new VivariumException(source + ": vocab id " + id + " of \"" + e.getKey()
                        + "\" is out of range or used twice", "the ids must be 0 … " + (byId.length - 1) + " once each");
            }
            byId[id] = e.getKey();
        }
        return Arrays.asList(byId);
    }
}
