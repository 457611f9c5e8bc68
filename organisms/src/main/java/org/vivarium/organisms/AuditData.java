package org.vivarium.organisms;

import java.util.List;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.model.GenerationOptions;

/**
 * What an organism gives auditors: held-out prompt sets from its own generator, a behaviour meter and
 * the layer its truth card points at. The host wraps it into an {@link org.vivarium.api.audit.AuditTarget}.
 *
 * @param labelledPrompts prompts labelled 1 where the planted condition holds (balanced)
 * @param positivePrompts condition-present prompts (paired by index with the negatives where possible)
 * @param negativePrompts condition-absent prompts
 * @param behaviour measures the planted behaviour in continuations
 * @param generation seeded decoding settings for behaviour measurements
 * @param plantedLayer the residual layer the truth card names, or -1
 * @param extras comparison checkpoints, prompt sets and a coherence meter ({@link AuditExtras#NONE} if none)
 */
public record AuditData(List<LabelledPrompt> labelledPrompts, List<String> positivePrompts,
        List<String> negativePrompts, BehaviourMeter behaviour, GenerationOptions generation, int plantedLayer,
        AuditExtras extras) {

    /**
     * Audit data with no extras.
     *
     * @param labelledPrompts prompts labelled 1 where the planted condition holds
     * @param positivePrompts condition-present prompts
     * @param negativePrompts condition-absent prompts
     * @param behaviour measures the planted behaviour
     * @param generation decoding settings
     * @param plantedLayer the residual layer the truth card names, or -1
     */
    public AuditData(List<LabelledPrompt> labelledPrompts, List<String> positivePrompts,
            List<String> negativePrompts, BehaviourMeter behaviour, GenerationOptions generation, int plantedLayer) {
        this(labelledPrompts, positivePrompts, negativePrompts, behaviour, generation, plantedLayer, AuditExtras.NONE);
    }

    /** Copies the lists. */
    public AuditData {
        extras = extras == null ? AuditExtras.NONE : extras;
        labelledPrompts = List.copyOf(labelledPrompts);
        positivePrompts = List.copyOf(positivePrompts);
        negativePrompts = List.copyOf(negativePrompts);
    }
}
