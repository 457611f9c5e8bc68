package org.vivarium.plugin.discovery.search;

import java.util.List;
import java.util.TreeSet;
import org.vivarium.api.model.Tokenizer;

/** The candidate texts a trigger search starts from: the corpus's words and the tokenizer's letters. */
final class Vocabulary {
    private Vocabulary() {
    }

    /**
     * Distinct lowercase alphabetic words of 2..16 letters in the corpus, sorted.
     *
     * @param corpus prompts
     * @return the words
     */
    static List<String> words(List<String> corpus) {
        TreeSet<String> out = new TreeSet<>();
        for (String p : corpus) {
            for (String w : p.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
                if (w.length() >= 2 && w.length() <= 16) {
                    out.add(w);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The lowercase letters the tokenizer has a single token for.
     *
     * @param tok the model's tokenizer
     * @return the letters, sorted
     */
    static String letters(Tokenizer tok) {
        StringBuilder sb = new StringBuilder();
        for (char c = 'a'; c <= 'z'; c++) {
            try {
                int[] ids = tok.encode(String.valueOf(c));
                if (ids.length == 1 && tok.tokenText(ids[0]).equals(String.valueOf(c))) {
                    sb.append(c);
                }
            } catch (RuntimeException e) {
                // not in the vocabulary: skip the letter
            }
        }
        return sb.toString();
    }
}
