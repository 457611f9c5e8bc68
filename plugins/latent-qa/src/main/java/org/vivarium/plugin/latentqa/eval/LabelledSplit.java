package org.vivarium.plugin.latentqa.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.plugin.latentqa.qa.QaItem;
import org.vivarium.plugin.latentqa.qa.Question;

/**
 * Splits labelled prompts into a training and a held-out half: within each label, even positions train and odd
 * ones are held out (so both halves are balanced even when the labels alternate); a repeated prompt counts once (so
 * no prompt is in both halves).
 *
 * @param train items to train on
 * @param heldOut held-out items
 */
public record LabelledSplit(List<QaItem> train, List<QaItem> heldOut) {

    /**
     * Splits.
     *
     * @param prompts labelled prompts (1 = the condition)
     * @param q the question whose answers name the labels ({@link Question#answerFor})
     * @return the two halves, in prompt order
     */
    public static LabelledSplit of(List<LabelledPrompt> prompts, Question q) {
        List<QaItem> train = new ArrayList<>();
        List<QaItem> held = new ArrayList<>();
        int[] seen = new int[2];
        Set<String> distinct = new HashSet<>();
        for (LabelledPrompt p : prompts) {
            if (distinct.add(p.text())) {
                String answer = q.answerFor(p.label());
                (seen[p.label()]++ % 2 == 0 ? train : held).add(new QaItem(q, p.text(), answer, answer));
            }
        }
        return new LabelledSplit(List.copyOf(train), List.copyOf(held));
    }
}
