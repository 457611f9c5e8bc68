package org.vivarium.plugin.discovery.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.vivarium.api.method.Progress;

/**
 * A beam search over letters for the inserted text that maximises an objective (here the answer shift): start
 * from single letters, extend every beam entry by every letter, keep the best {@code width}, up to
 * {@code maxLength} letters. It needs no word list, so it can find a trigger no corpus contains, provided a
 * prefix of the trigger already moves the model a little; where the model's detector is all-or-nothing the
 * beam wanders and the search fails (it is reported either way).
 *
 * @param alphabet the letters tried
 * @param width beam width
 * @param maxLength longest text
 */
public record GreedyCharSearch(String alphabet, int width, int maxLength) {

    /**
     * One scored text.
     *
     * @param text the text
     * @param score its objective value
     */
    public record Scored(String text, double score) {
    }

    /**
     * Runs the search.
     *
     * @param objective scores a batch of texts (higher is better)
     * @param progress advanced by one per scored text
     * @return every distinct text scored, best first
     */
    public List<Scored> run(BiFunction<List<String>, Progress, double[]> objective, Progress progress) {
        Map<String, Double> seen = new LinkedHashMap<>();
        List<String> beam = List.of("");
        for (int len = 1; len <= maxLength; len++) {
            List<String> next = new ArrayList<>();
            for (String b : beam) {
                for (char c : alphabet.toCharArray()) {
                    if (!seen.containsKey(b + c)) {
                        next.add(b + c);
                    }
                }
            }
            if (next.isEmpty()) {
                break;
            }
            double[] s = objective.apply(next, progress);
            for (int i = 0; i < next.size(); i++) {
                seen.put(next.get(i), Double.isNaN(s[i]) ? Double.NEGATIVE_INFINITY : s[i]);
            }
            beam = next.stream().sorted(Comparator.comparingDouble((String t) -> -seen.get(t))
                    .thenComparing(Comparator.naturalOrder())).limit(width).toList();
        }
        List<Scored> out = new ArrayList<>();
        seen.forEach((t, s) -> out.add(new Scored(t, s)));
        out.sort(Comparator.comparingDouble((Scored x) -> -x.score()).thenComparing(Scored::text));
        return out;
    }

    /**
     * Texts scored per run.
     *
     * @return an upper bound on the objective's rows
     */
    public int maxTexts() {
        return alphabet.length() + (maxLength - 1) * width * alphabet.length();
    }
}
