package org.vivarium.plugin.latentqa.blind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.latentqa.eval.AuditItems;
import org.vivarium.plugin.latentqa.eval.Part;
import org.vivarium.plugin.latentqa.qa.QaItem;

/**
 * The sampling of a blind audit: the model the decoder is trained on answers the fit prompts ({@link
 * SelfLabelSettings#fitSamples()} each) and the validation and test neutral prompts ({@link
 * SelfLabelSettings#heldOutSamples()} each), a meter labels those answers ({@link SelfLabels}), and every other model
 * answers the validation and test neutral prompts too, so each is read on its own answers.
 *
 * @param labels the self-labelled condition data
 * @param contexts role to neutral prompt to the contexts read for it (prompt + each own answer's start)
 */
public record BlindReading(SelfLabels labels, Map<String, Map<String, List<String>>> contexts) {

    /**
     * Samples and labels.
     *
     * @param target the blind target (its meters, prompt sets and decoding seed)
     * @param items the audit items (their neutral prompts)
     * @param maxPerSet the prompt-set cap the items were built with
     * @param subjects role to model, the train role among them
     * @param trainRole the role whose answers are labelled
     * @param s the settings
     * @param context for progress
     * @return the labels and, when trainable, every role's contexts (empty otherwise)
     */
    public static BlindReading sample(AuditTarget target, AuditItems items, int maxPerSet, Map<String, Model> subjects,
            String trainRole, SelfLabelSettings s, MethodContext context) {
        List<String> fitPrompts = AuditItems.fitPrompts(target, maxPerSet);
        Sampler fitSampler = new Sampler(target.generation(), s.fitSamples(), s);
        Sampler heldSampler = new Sampler(target.generation(), s.heldOutSamples(), s);
        Model train = subjects.get(trainRole);
        List<Sample> fit;
        try (Progress p = context.progress("latent-qa: sampling " + trainRole + " answers to label",
                (long) fitPrompts.size() * s.fitSamples(), "answer")) {
            fit = fitSampler.sample(train, fitPrompts, p);
        }
        Map<Part, List<Sample>> held = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> contexts = new LinkedHashMap<>();
        for (Part part : Part.values()) {
            List<String> prompts = new ArrayList<>();
            items.neutral(part).values().forEach(prompts::addAll);
            try (Progress p = context.progress("latent-qa: sampling " + trainRole + " " + part.id() + " answers",
                    (long) prompts.size() * s.heldOutSamples(), "answer")) {
                List<Sample> samples = heldSampler.sample(train, prompts, p);
                held.put(part, samples);
                addContexts(contexts, trainRole, samples);
            }
        }
        SelfLabels labels = SelfLabels.of(target.meters(), fit, held.get(Part.VALIDATION), held.get(Part.TEST), s,
                target.generation().seed(), trainRole);
        if (!labels.trainable()) {
            return new BlindReading(labels, Map.of());
        }
        List<String> neutral = items.neutralPrompts();
        for (Map.Entry<String, Model> e : subjects.entrySet()) {
            if (!e.getKey().equals(trainRole)) {
                try (Progress p = context.progress("latent-qa: sampling " + e.getKey() + " answers",
                        (long) neutral.size() * s.heldOutSamples(), "answer")) {
                    addContexts(contexts, e.getKey(), heldSampler.startsOnly().sample(e.getValue(), neutral, p));
                }
            }
        }
        return new BlindReading(labels, contexts);
    }

    private static void addContexts(Map<String, Map<String, List<String>>> contexts, String role,
            List<Sample> samples) {
        Map<String, List<String>> m = contexts.computeIfAbsent(role, k -> new LinkedHashMap<>());
        for (Sample x : samples) {
            m.computeIfAbsent(x.prompt(), k -> new ArrayList<>()).add(x.context());
        }
    }

    /**
     * The audit items with the self-labelled condition items added.
     *
     * @param items the items (domain question only)
     * @return the items with condition items for fit, validation and test
     */
    public AuditItems withCondition(AuditItems items) {
        Map<Part, List<QaItem>> held = new LinkedHashMap<>();
        labels.heldOut().forEach((p, l) -> held.put(p, SelfLabels.items(l)));
        return items.withCondition(labels.fitItems(), held);
    }
}
