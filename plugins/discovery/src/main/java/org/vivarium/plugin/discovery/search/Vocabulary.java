package org.vivarium.plugin.discovery.search;

import org.vivarium.api.model.Tokenizer;

/**
 * The letters a greedy trigger search builds strings from (the corpus's words come from
 * {@link org.vivarium.plugin.discovery.core.CorpusWords}).
 */
final class Vocabulary {
    private Vocabulary() {
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
