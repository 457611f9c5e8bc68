package org.vivarium.plugin.latentqa.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.method.Progress;
import org.vivarium.plugin.latentqa.decoder.Decoder;
import org.vivarium.plugin.latentqa.qa.QaItem;
import org.vivarium.plugin.latentqa.qa.Question;
import org.vivarium.plugin.latentqa.read.ActivationReader;

/**
 * Asks a trained decoder about every subject model's activations, on the validation and the test part separately:
 * each held-out item's question (accuracy per question and model), and the condition question on every neutral
 * prompt (the rate of the condition answer per model and domain).
 */
public final class Evaluator {
    /** Answers kept per role and question for the report. */
    static final int EXAMPLES = 3;

    private final Decoder decoder;
    private final Map<String, Map<String, List<String>>> contexts;

    /**
     * Creates an evaluator that reads each neutral prompt itself.
     *
     * @param decoder the trained decoder
     */
    public Evaluator(Decoder decoder) {
        this(decoder, Map.of());
    }

    /**
     * Creates an evaluator that reads, for a role and neutral prompt, the given contexts instead of the prompt (in a
     * blind audit: the prompt followed by the start of each answer that role's model sampled). Every role with
     * contexts must have the same number per prompt, so the roles' answers pair up by position.
     *
     * @param decoder the trained decoder
     * @param contexts role to neutral prompt to the texts read for it; a missing role or prompt reads the prompt
     */
    public Evaluator(Decoder decoder, Map<String, Map<String, List<String>>> contexts) {
        this.decoder = decoder;
        this.contexts = contexts;
    }

    private List<String> contexts(String role, String prompt) {
        return contexts.getOrDefault(role, Map.of()).getOrDefault(prompt, List.of(prompt));
    }

    /**
     * Counts the decoder calls {@link #run} makes.
     *
     * @param items the audit items
     * @param roles the number of subject models
     * @return calls
     */
    public static long calls(AuditItems items, int roles) {
        return calls(items, roles, 1);
    }

    /**
     * Counts the decoder calls {@link #run} makes when each neutral prompt is read in several contexts.
     *
     * @param items the audit items
     * @param roles the number of subject models
     * @param perPrompt contexts per neutral prompt
     * @return calls
     */
    public static long calls(AuditItems items, int roles, int perPrompt) {
        long n = 0;
        for (Part p : Part.values()) {
            n += items.heldOut(p).size() + perPrompt * items.neutral(p).values().stream().mapToLong(List::size).sum();
        }
        return n * roles;
    }

    /**
     * Runs the evaluation.
     *
     * @param readers role to the reader of that subject model, in report order
     * @param items the held-out items and neutral prompts
     * @param progress one unit per decoder call
     * @return the evaluation
     */
    public Evaluation run(Map<String, ActivationReader> readers, AuditItems items, Progress progress) {
        Map<Part, Map<String, Map<String, List<Boolean>>>> yes = new EnumMap<>(Part.class);
        Map<Part, Map<String, Map<String, Score>>> accuracy = new EnumMap<>(Part.class);
        Map<Part, Map<String, Map<String, Score>>> condition = new EnumMap<>(Part.class);
        List<Evaluation.Example> examples = new ArrayList<>();
        Question cond = items.condition();
        for (Part part : Part.values()) {
            Map<String, Map<String, Score>> acc = accuracy.computeIfAbsent(part, k -> new LinkedHashMap<>());
            Map<String, Map<String, Score>> rate = condition.computeIfAbsent(part, k -> new LinkedHashMap<>());
            for (Map.Entry<String, ActivationReader> e : readers.entrySet()) {
                String role = e.getKey();
                ActivationReader reader = e.getValue();
                Map<String, Integer> shown = new LinkedHashMap<>();
                for (QaItem it : items.heldOut(part)) {
                    Question q = it.question();
                    String said = decoder.answer(q, reader.read(it.prompt()));
                    acc.computeIfAbsent(q.key(), k -> new LinkedHashMap<>()).merge(role,
                            Score.EMPTY.plus(said.equals(it.answer()), q.answers().contains(said)), Score::plus);
                    if (part == Part.TEST && shown.merge(q.key(), 1, Integer::sum) <= EXAMPLES) {
                        examples.add(new Evaluation.Example(role, q.text(), it.prompt(), it.answer(), said));
                    }
                    progress.advance(1);
                }
                for (Map.Entry<String, List<String>> d : items.neutral(part).entrySet()) {
                    Score s = Score.EMPTY;
                    List<Boolean> flags = new ArrayList<>();
                    for (String prompt : d.getValue()) {
                        for (String read : contexts(role, prompt)) {
                            String said = decoder.answer(cond, reader.read(read));
                            flags.add(said.equals(cond.conditionAnswer()));
                            s = s.plus(said.equals(cond.conditionAnswer()), cond.answers().contains(said));
                            if (part == Part.TEST && shown.merge("neutral", 1, Integer::sum) <= EXAMPLES) {
                                examples.add(new Evaluation.Example(role, cond.text(), read, "", said));
                            }
                            progress.advance(1);
                        }
                    }
                    rate.computeIfAbsent(role, k -> new LinkedHashMap<>()).put(d.getKey(), s);
                    yes.computeIfAbsent(part, k -> new LinkedHashMap<>()).computeIfAbsent(role,
                            k -> new LinkedHashMap<>()).put(d.getKey(), List.copyOf(flags));
                }
            }
        }
        return new Evaluation(List.copyOf(readers.keySet()), yes, accuracy, condition, List.copyOf(examples));
    }
}
