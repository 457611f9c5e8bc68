package org.vivarium.plugin.latentqa.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.audit.Split;
import org.vivarium.plugin.latentqa.qa.QaItem;
import org.vivarium.plugin.latentqa.qa.Question;

/**
 * Splits labelled prompts three ways, fit / validation / test, by {@link Split}'s rule applied within each label
 * (the {@code k}-th distinct prompt of a label goes to fit if {@code k mod 4} is 0 or 1, to validation if 2, to test
 * if 3), so every part is balanced even when the labels alternate; a repeated prompt counts once, so no prompt is in
 * two parts.
 *
 * @param fit items the decoder is trained on
 * @param validation items to choose on
 * @param test items to report on
 */
public record LabelledSplit(List<QaItem> fit, List<QaItem> validation, List<QaItem> test) {

    /**
     * Splits.
     *
     * @param prompts labelled prompts (1 = the condition)
     * @param q the question whose answers name the labels ({@link Question#answerFor})
     * @return the three parts, each in prompt order
     */
    public static LabelledSplit of(List<LabelledPrompt> prompts, Question q) {
        List<List<LabelledPrompt>> byLabel = List.of(new ArrayList<>(), new ArrayList<>());
        Set<String> distinct = new HashSet<>();
        for (LabelledPrompt p : prompts) {
            if (distinct.add(p.text())) {
                byLabel.get(p.label()).add(p);
            }
        }
        List<List<List<LabelledPrompt>>> dealt = List.of(Part.deal(byLabel.get(0)), Part.deal(byLabel.get(1)));
        List<List<QaItem>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Set<String> done = new HashSet<>();
        for (LabelledPrompt p : prompts) {
            if (!done.add(p.text())) {
                continue;
            }
            String answer = q.answerFor(p.label());
            for (int part = 0; part < 3; part++) {
                if (dealt.get(p.label()).get(part).contains(p)) {
                    parts.get(part).add(new QaItem(q, p.text(), answer, answer));
                }
            }
        }
        return new LabelledSplit(List.copyOf(parts.get(0)), List.copyOf(parts.get(1)), List.copyOf(parts.get(2)));
    }

    /**
     * Returns a held-out part.
     *
     * @param part validation or test
     * @return its items
     */
    public List<QaItem> part(Part part) {
        return part == Part.VALIDATION ? validation : test;
    }

    /** @return the validation and test parts together, for a plain held-out accuracy when nothing is chosen */
    public List<QaItem> heldOut() {
        List<QaItem> out = new ArrayList<>(validation);
        out.addAll(test);
        return List.copyOf(out);
    }
}
