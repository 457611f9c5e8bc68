package org.vivarium.checkpoint.tokenizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Tokenizer;

/**
 * A character-level tokenizer: one token per Unicode code point, id 0 for characters outside the
 * vocabulary (shown as {@code U+FFFD}).
 *
 * <pre>{@code
 * CharTokenizer tok = CharTokenizer.fromCorpus(text, 96);
 * int[] ids = tok.encode("hello");
 * tok.decode(ids);   // "hello" if every character is in the vocabulary
 * }</pre>
 */
public final class CharTokenizer implements Tokenizer {
    /** The text of the unknown token, id 0. */
    public static final String UNKNOWN = "\uFFFD";

    private final List<String> vocab;
    private final Map<Integer, Integer> idOf;

    /**
     * Creates a tokenizer from an explicit vocabulary.
     *
     * @param vocab one code point per entry, entry 0 must be {@link #UNKNOWN}, no duplicates
     * @throws VivariumException if the vocabulary breaks one of these rules
     */
    public CharTokenizer(List<String> vocab) {
        if (vocab.isEmpty() || !UNKNOWN.equals(vocab.get(0))) {
            throw new VivariumException("char vocabulary must start with the unknown token U+FFFD",
                    "rebuild the tokenizer with CharTokenizer.fromCorpus");
        }
        Map<Integer, Integer> ids = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            String s = vocab.get(i);
            if (s == null || s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
                throw new VivariumException("char vocabulary entry " + i + " is \"" + s
                        + "\", not a single character", "rebuild the tokenizer with CharTokenizer.fromCorpus");
            }
            if (ids.putIfAbsent(s.codePointAt(0), i) != null) {
                throw new VivariumException("char vocabulary lists \"" + s + "\" twice (entry " + i + ")",
                        "rebuild the tokenizer with CharTokenizer.fromCorpus");
            }
        }
        this.vocab = List.copyOf(vocab);
        this.idOf = ids;
    }

    /**
     * Builds a vocabulary from the {@code maxVocab - 1} most frequent characters of a corpus (ties broken
     * by code point), then numbers them in code-point order after the unknown token. The same corpus
     * always gives the same ids.
     *
     * @param text the corpus
     * @param maxVocab the vocabulary size limit, unknown token included (at least 1)
     * @return the tokenizer
     */
    public static CharTokenizer fromCorpus(String text, int maxVocab) {
        if (maxVocab < 1) {
            throw new VivariumException("maxVocab=" + maxVocab + " must be >= 1", "use a vocabulary size of 2 or more");
        }
        Map<Integer, Integer> counts = new HashMap<>();
        text.codePoints().filter(cp -> cp != UNKNOWN.codePointAt(0)).forEach(cp -> counts.merge(cp, 1, Integer::sum));
        List<Map.Entry<Integer, Integer>> byFreq = new ArrayList<>(counts.entrySet());
        byFreq.sort((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(a.getKey(), b.getKey())
                : Integer.compare(b.getValue(), a.getValue()));
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < Math.min(maxVocab - 1, byFreq.size()); i++) {
            kept.add(byFreq.get(i).getKey());
        }
        Collections.sort(kept);
        List<String> vocab = new ArrayList<>();
        vocab.add(UNKNOWN);
        kept.forEach(cp -> vocab.add(new String(Character.toChars(cp))));
        return new CharTokenizer(vocab);
    }

    /**
     * Returns the vocabulary, entry {@code i} being the text of token {@code i}.
     *
     * @return a read-only list
     */
    public List<String> vocab() {
        return vocab;
    }

    @Override
    public int[] encode(String text) {
        return text.codePoints().map(cp -> idOf.getOrDefault(cp, 0)).toArray();
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder(ids.length);
        for (int id : ids) {
            sb.append(tokenText(id));
        }
        return sb.toString();
    }

    @Override
    public String tokenText(int id) {
        if (id < 0 || id >= vocab.size()) {
            throw new VivariumException("token id " + id + " is outside the char vocabulary of " + vocab.size(),
                    "use ids 0.." + (vocab.size() - 1));
        }
        return vocab.get(id);
    }

    @Override
    public int vocabSize() {
        return vocab.size();
    }

    @Override
    public String kind() {
        return "char";
    }
}
