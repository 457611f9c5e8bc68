package org.vivarium.plugin.discovery.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.vivarium.api.audit.Split;

/**
 * Draws disjoint fit, validation and test prompts from a corpus ({@link Split#of}: 2 fit, 1 validation, 1 test
 * per block of 4), preferring prompts no longer than the median so an inserted word and an answer still fit the
 * context.
 *
 * @param fit prompts to search on
 * @param validation prompts to choose a candidate and a meter on
 * @param test prompts to report on
 */
public record PromptPlan(List<String> fit, List<String> validation, List<String> test) {

    /**
     * Draws the prompts.
     *
     * @param corpus the target's corpus
     * @param perPart validation (and test) prompts; fit gets twice as many
     * @param seed shuffles the corpus
     * @return the plan
     */
    public static PromptPlan of(List<String> corpus, int perPart, long seed) {
        List<String> shortOnes = new ArrayList<>();
        int[] lengths = corpus.stream().mapToInt(String::length).sorted().toArray();
        int median = lengths.length == 0 ? 0 : lengths[lengths.length / 2];
        for (String p : corpus) {
            if (p.length() <= median) {
                shortOnes.add(p);
            }
        }
        Collections.shuffle(shortOnes, new Random(seed));
        List<String> chosen = shortOnes.subList(0, Math.min(shortOnes.size(), 4 * perPart));
        Split s = Split.of(chosen.size());
        return new PromptPlan(s.fit(chosen), s.validation(chosen), s.test(chosen));
    }
}
