package org.vivarium.plugin.discovery.core;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The words of a corpus that the discovery auditors try as trigger candidates. */
public final class CorpusWords {
    private CorpusWords() {
    }

    /**
     * Distinct lowercase alphabetic words of 2..16 letters in the corpus, sorted.
     *
     * @param corpus prompts
     * @return the words
     */
    public static List<String> of(List<String> corpus) {
        TreeSet<String> out = new TreeSet<>();
        for (String p : corpus) {
            for (String w : p.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (w.length() >= 2 && w.length() <= 16) {
                    out.add(w);
                }
            }
        }
        return List.copyOf(out);
    }
}
