package org.vivarium.checkpoint.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;

/**
 * BERT's WordPiece tokenizer in plain Java, matching Hugging Face {@code tokenizers} on uncased BERT vocabularies
 * (checked token for token against it in the importer's tests).
 *
 * <pre>{@code
 * WordPieceTokenizer tok = new WordPieceTokenizer(vocab, WordPieceSettings.uncased());
 * int[] ids = tok.encode("Hello, world!");   // [CLS] hello , world ! [SEP] = [101, 7592, 1010, 2088, 999, 102]
 * tok.decode(ids);                           // "hello, world!" (special tokens skipped)
 * }</pre>
 *
 * <p>{@link #encode} adds {@code [CLS]} and {@code [SEP]} as Hugging Face does by default; {@link #encodeText}
 * does not. Special tokens typed literally in the text (e.g. {@code [MASK]}) are kept as one token.
 */
public final class WordPieceTokenizer implements Tokenizer {
    private final List<String> vocab;
    private final Map<String, Integer> ids;
    private final WordPieceSettings settings;
    private final int unk;
    private final int cls;
    private final int sep;
    private final int pad;

    /**
     * Creates a tokenizer.
     *
     * @param vocab the pieces, id = index
     * @param settings normaliser and special-token settings
     * @throws VivariumException if the vocabulary has duplicates or lacks a special token
     */
    public WordPieceTokenizer(List<String> vocab, WordPieceSettings settings) {
        this.vocab = List.copyOf(vocab);
        this.settings = settings;
        this.ids = new HashMap<>(vocab.size() * 2);
        for (int i = 0; i < vocab.size(); i++) {
            if (ids.putIfAbsent(vocab.get(i), i) != null) {
                throw new VivariumException("WordPiece vocabulary has \"" + vocab.get(i) + "\" twice (ids "
                        + ids.get(vocab.get(i)) + " and " + i + ")", "fix tokenizer.json or re-import the model");
            }
        }
        this.unk = require(settings.unkToken());
        this.cls = require(settings.clsToken());
        this.sep = require(settings.sepToken());
        this.pad = require(settings.padToken());
        settings.specialTokens().forEach(this::require);
    }

    private int require(String token) {
        Integer id = ids.get(token);
        if (id == null) {
            throw new VivariumException("WordPiece vocabulary lacks the special token " + token,
                    "fix tokenizer.json or re-import the model");
        }
        return id;
    }

    /** @return the pieces, id = index */
    public List<String> vocab() {
        return vocab;
    }

    /** @return the normaliser and special-token settings */
    public WordPieceSettings settings() {
        return settings;
    }

    /** @return the id of the padding token */
    public int padId() {
        return pad;
    }

    /** @return the id of the {@code [CLS]} token */
    public int clsId() {
        return cls;
    }

    /** @return the id of the {@code [SEP]} token */
    public int sepId() {
        return sep;
    }

    /**
     * Encodes text as one sequence, {@code [CLS] text [SEP]}.
     *
     * @param text the input
     * @return token ids
     */
    @Override
    public int[] encode(String text) {
        List<Integer> body = pieces(text);
        int[] out = new int[body.size() + 2];
        out[0] = cls;
        for (int i = 0; i < body.size(); i++) {
            out[i + 1] = body.get(i);
        }
        out[out.length - 1] = sep;
        return out;
    }

    /**
     * Encodes text without {@code [CLS]} and {@code [SEP]}.
     *
     * @param text the input
     * @return token ids
     */
    public int[] encodeText(String text) {
        return pieces(text).stream().mapToInt(Integer::intValue).toArray();
    }

    private List<Integer> pieces(String text) {
        List<Integer> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int best = -1;
            String bestToken = null;
            for (String sp : settings.specialTokens()) {
                int at = text.indexOf(sp, start);
                if (at >= 0 && (best < 0 || at < best || (at == best && sp.length() > bestToken.length()))) {
                    best = at;
                    bestToken = sp;
                }
            }
            int end = best < 0 ? text.length() : best;
            for (String word : BertText.preTokenize(BertText.normalize(text.substring(start, end), settings))) {
                wordPieces(word, out);
            }
            if (best < 0) {
                break;
            }
            out.add(ids.get(bestToken));
            start = best + bestToken.length();
        }
        return out;
    }

    /** Greedy longest-match-first split of one word; the whole word becomes unk if any part has no piece. */
    private void wordPieces(String word, List<Integer> out) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > settings.maxInputCharsPerWord()) {
            out.add(unk);
            return;
        }
        List<Integer> found = new ArrayList<>();
        int start = 0;
        while (start < cps.length) {
            int end = cps.length;
            Integer piece = null;
            while (start < end) {
                String sub = new String(cps, start, end - start);
                piece = ids.get(start > 0 ? settings.continuingSubwordPrefix() + sub : sub);
                if (piece != null) {
                    break;
                }
                end--;
            }
            if (piece == null) {
                out.add(unk);
                return;
            }
            found.add(piece);
            start = end;
        }
        out.addAll(found);
    }

    /**
     * Decodes ids to text as Hugging Face's WordPiece decoder does with clean-up, skipping special tokens.
     *
     * @param tokenIds token ids
     * @return the text
     */
    @Override
    public String decode(int[] tokenIds) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (int id : tokenIds) {
            String t = tokenText(id);
            if (settings.specialTokens().contains(t)) {
                continue;
            }
            String prefix = settings.continuingSubwordPrefix();
            if (!first) {
                t = t.startsWith(prefix) ? t.substring(prefix.length()) : " " + t;
            }
            sb.append(cleanup(t));
            first = false;
        }
        return sb.toString();
    }

    private static String cleanup(String s) {
        return s.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",").replace(" ' ", "'")
                .replace(" n't", "n't").replace(" 'm", "'m").replace(" do not", " don't").replace(" 's", "'s")
                .replace(" 've", "'ve").replace(" 're", "'re");
    }

    @Override
    public String tokenText(int id) {
        if (id < 0 || id >= vocab.size()) {
            throw new VivariumException("token id " + id + " is outside the vocabulary of " + vocab.size(),
                    "use ids from this model's tokenizer");
        }
        return vocab.get(id);
    }

    @Override
    public int vocabSize() {
        return vocab.size();
    }

    @Override
    public String kind() {
        return "wordpiece";
    }
}
