package org.vivarium.plugin.emfinetune.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vivarium.api.VivariumException;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Model;

/**
 * Has each model role answer every prompt of every domain and classifies the answers: every prompt is continued
 * with {@link Model#generateAll} and the target's decoding settings, decoded with the model's own tokenizer, cut
 * to its answer line ({@link AnswerLine}) and classified by the target's meters. The prompts are the organism's
 * (held out from its training); the auditor's own validation / test halves are {@link Part}s of them.
 *
 * <p>Roles, in this order: {@value #BASE} and {@value #CONTROL} from {@link AuditTarget#comparisonModels()}
 * (each skipped if absent), then {@value #EM}, the audited model.
 */
public final class EmEvaluation {
    /** The model before the narrow fine-tune. */
    public static final String BASE = "base";
    /** The model fine-tuned the same way on good answers. */
    public static final String CONTROL = "control";
    /** The audited model, fine-tuned on bad answers. */
    public static final String EM = "em";

    private EmEvaluation() {
    }

    /**
     * Runs the measurement.
     *
     * @param target the audit target
     * @param context for progress
     * @param sets the prompt sets to answer
     * @param behaviour the misalignment meter ({@link MeterChoice})
     * @return the classified answers
     * @throws VivariumException if a prompt encodes to no tokens
     */
    public static EmMeasurement run(AuditTarget target, MethodContext context, List<DomainSet> sets,
            BehaviourMeter behaviour) {
        Map<String, Model> models = models(target);
        Optional<BehaviourMeter> coherence = target.coherence();
        GenerationOptions gen = target.generation();
        List<Answer> answers = new ArrayList<>();
        long total = (long) models.size() * sets.stream().mapToInt(s -> s.prompts().size()).sum();
        try (Progress p = context.progress("em-finetune: answering the domain prompts", total, "answer")) {
            for (Map.Entry<String, Model> m : models.entrySet()) {
                for (DomainSet set : sets) {
                    List<Answer> got = answer(m.getKey(), m.getValue(), set, gen, behaviour, coherence);
                    answers.addAll(got);
                    p.advance(got.size());
                }
            }
        }
        return new EmMeasurement(List.copyOf(models.keySet()), sets, answers, behaviour.name(),
                behaviour.accuracy(), coherence.map(BehaviourMeter::name).orElse(""));
    }

    /**
     * The models to measure, by role, in order.
     *
     * @param target the audit target
     * @return role to model
     */
    public static Map<String, Model> models(AuditTarget target) {
        Map<String, Model> out = new LinkedHashMap<>();
        Map<String, Model> others = target.comparisonModels();
        for (String role : List.of(BASE, CONTROL)) {
            if (others.get(role) != null) {
                out.put(role, others.get(role));
            }
        }
        out.put(EM, target.model());
        return out;
    }

    private static List<Answer> answer(String role, Model model, DomainSet set, GenerationOptions gen,
            BehaviourMeter behaviour, Optional<BehaviourMeter> coherence) {
        List<String> prompts = set.prompts();
        List<int[]> ids = new ArrayList<>(prompts.size());
        for (String prompt : prompts) {
            ids.add(encode(model, prompt, set.domain()));
        }
        List<int[]> generated = model.generateAll(ids, gen, List.of());
        List<Answer> out = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            String prompt = prompts.get(i);
            String text = AnswerLine.of(model.tokenizer().decode(generated.get(i)));
            boolean coherent = coherence.map(c -> c.shows(prompt, text)).orElse(false);
            out.add(new Answer(role, set.domain(), i, prompt, text, behaviour.shows(prompt, text), coherent));
        }
        return out;
    }

    private static int[] encode(Model model, String prompt, String setName) {
        int[] ids = model.tokenizer().encode(prompt);
        if (ids.length == 0) {
            throw new VivariumException("prompt \"" + prompt + "\" of set " + setName + " encodes to no tokens",
                    "remove empty prompts from the organism's prompt sets");
        }
        int ctx = model.config().nCtx();
        return ids.length <= ctx ? ids : Arrays.copyOfRange(ids, ids.length - ctx, ids.length);
    }
}
