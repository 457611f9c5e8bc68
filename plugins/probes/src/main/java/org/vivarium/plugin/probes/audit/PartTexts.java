package org.vivarium.plugin.probes.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The prompts of one part of the split, scored at every token by one probe, by label.
 *
 * @param name the part's name ({@code fit}, {@code validation} or {@code test}), for evidence
 * @param positives condition-present prompts
 * @param negatives condition-absent prompts
 */
record PartTexts(String name, List<ScoredText> positives, List<ScoredText> negatives) {
    PartTexts {
        positives = List.copyOf(positives);
        negatives = List.copyOf(negatives);
    }

    /**
     * Picks one part.
     *
     * @param name the part's name
     * @param texts every prompt, scored
     * @param labels every prompt's label
     * @param part the part's prompt indices
     * @return the part
     */
    static PartTexts of(String name, List<ScoredText> texts, int[] labels, int[] part) {
        List<ScoredText> pos = new ArrayList<>();
        List<ScoredText> neg = new ArrayList<>();
        for (int i : part) {
            (labels[i] == 1 ? pos : neg).add(texts.get(i));
        }
        return new PartTexts(name, pos, neg);
    }

    /** @return e.g. {@code 32 condition-present / 32 condition-absent} */
    String counts() {
        return positives.size() + " condition-present / " + negatives.size() + " condition-absent";
    }
}
