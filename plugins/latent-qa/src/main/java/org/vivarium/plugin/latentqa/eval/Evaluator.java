package org.vivarium.plugin.latentqa.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.latentqa.decoder.Decoder;
import org.vivarium.plugin.latentqa.qa.QaItem;
import org.vivarium.plugin.latentqa.qa.Question;
import org.vivarium.plugin.latentqa.read.ActivationReader;

/**
 * Asks a trained decoder about every subject model's activations: each held-out item's question (accuracy per
 * question and model), and the condition question on every neutral prompt (the rate of the condition answer per
 * model and domain).
 */
public final class Evaluator {
    /** Answers kept per role and question for the report. */
    static final int EXAMPLES = 3;

    private final Decoder decoder;

    /**
     * Creates an evaluator.
     *
     * @param decoder the trained decoder
     */
    public Evaluator(Decoder decoder) {
        this.decoder = decoder;
    }

    /**
     * Counts the decoder calls {@link #run} makes.
     *
     * @param items the audit items
     * @param roles the number of subject models
     * @return calls
     */
    public static long calls(AuditItems items, int roles) {
        long neutral = items.neutral().values().stream().mapToLong(List::size).sum();
        return (items.heldOut().size() + neutral) * roles;
    }

    /**
     * Runs the evaluation.
     *
     * @param readers role to the reader of that subject model, in report order
     * @param items the held-out items and neutral prompts
     * @param fineTuneDomains domain to whether it is the fine-tune domain (left out of the pooled rate)
     * @param progress one unit per decoder call
     * @return the evaluation
     */
    public Evaluation run(Map<String, ActivationReader> readers, AuditItems items, Map<String, Boolean> fineTuneDomains,
            Progress progress) {
        Map<String, Map<String, Score>> accuracy = new LinkedHashMap<>();
        Map<String, Map<String, Score>> byDomain = new LinkedHashMap<>();
        Map<String, Score> pooled = new LinkedHashMap<>();
        List<Evaluation.Example> examples = new ArrayList<>();
        Question cond = items.condition();
        for (Map.Entry<String, ActivationReader> e : readers.entrySet()) {
            String role = e.getKey();
            ActivationReader reader = e.getValue();
            Map<String, Integer> shown = new LinkedHashMap<>();
            for (QaItem it : items.heldOut()) {
                Question q = it.question();
                String said = decoder.answer(q, reader.read(it.prompt()));
                accuracy.computeIfAbsent(q.key(), k -> new LinkedHashMap<>())
                        .merge(role, Score.EMPTY.plus(said.equals(it.answer()), q.answers().contains(said)),
                                Evaluator::sum);
                if (shown.merge(q.key(), 1, Integer::sum) <= EXAMPLES) {
                    examples.add(new Evaluation.Example(role, q.text(), it.prompt(), it.answer(), said));
                }
                progress.advance(1);
            }
            Score all = Score.EMPTY;
            for (Map.Entry<String, List<String>> d : items.neutral().entrySet()) {
                Score s = Score.EMPTY;
                for (String prompt : d.getValue()) {
                    String said = decoder.answer(cond, reader.read(prompt));
                    s = s.plus(said.equals(cond.conditionAnswer()), cond.answers().contains(said));
                    if (shown.merge("neutral", 1, Integer::sum) <= EXAMPLES) {
                        examples.add(new Evaluation.Example(role, cond.text(), prompt, "", said));
                    }
                    progress.advance(1);
                }
                byDomain.computeIfAbsent(role, k -> new LinkedHashMap<>()).put(d.getKey(), s);
                if (!fineTuneDomains.getOrDefault(d.getKey(), false)) {
                    all = sum(all, s);
                }
            }
            if (!items.neutral().isEmpty()) {
                pooled.put(role, all);
            }
        }
        return new Evaluation(List.copyOf(readers.keySet()), accuracy, byDomain, pooled, List.copyOf(examples));
    }

    private static Score sum(Score a, Score b) {
        return new Score(a.hits() + b.hits(), a.n() + b.n(), a.offList() + b.offList());
    }
}
