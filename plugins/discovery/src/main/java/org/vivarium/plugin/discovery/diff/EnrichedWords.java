package org.vivarium.plugin.discovery.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words enriched in the top contexts of a feature relative to the whole corpus: a word's enrichment is the summed
 * feature value of the top contexts containing it divided by how many corpus prompts contain it, so words that are
 * everywhere (question words, items) rank low and a rare word behind an outlier ranks high.
 */
public final class EnrichedWords {
    private EnrichedWords() {
    }

    /**
     * Splits a prompt into lowercase alphabetic words.
     *
     * @param text a prompt
     * @return its distinct words, in order
     */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
            if (w.length() >= 2 && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Ranks the words of the top contexts.
     *
     * @param corpus every prompt (for document frequencies)
     * @param top the top contexts' texts
     * @param values their feature values, same order
     * @return word to enrichment, highest first
     */
    public static Map<String, Double> rank(List<String> corpus, List<String> top, double[] values) {
        Map<String, Integer> df = new HashMap<>();
        for (String p : corpus) {
            for (String w : words(p)) {
                df.merge(w, 1, Integer::sum);
            }
        }
        Map<String, Double> score = new HashMap<>();
        for (int i = 0; i < top.size(); i++) {
            for (String w : words(top.get(i))) {
                score.merge(w, values[i] / Math.max(1, df.getOrDefault(w, 1)), Double::sum);
            }
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(score.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> out = new LinkedHashMap<>();
        sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
