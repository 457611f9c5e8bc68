package org.vivarium.organisms;

import java.util.List;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.audit.LabelledPrompt;
import org.vivarium.api.model.GenerationOptions;

/**
 * What an organism gives auditors: held-out prompt sets from its own generator and a behaviour meter; never
 * its truth card nor where the behaviour was planted. The host wraps it into an
 * {@link org.vivarium.api.audit.AuditTarget}.
 *
 * @param labelledPrompts prompts labelled 1 where the planted condition holds (balanced)
 * @param positivePrompts condition-present prompts (paired by index with the negatives where possible)
 * @param negativePrompts condition-absent prompts
 * @param behaviour measures the planted behaviour in continuations
 * @param generation seeded decoding settings for behaviour measurements
 * @param extras comparison checkpoints, prompt sets and a coherence meter ({@link AuditExtras#NONE} if none)
 */
public record AuditData(List<LabelledPrompt> labelledPrompts, List<String> positivePrompts,
        List<String> negativePrompts, BehaviourMeter behaviour, GenerationOptions generation,
        AuditExtras extras) {

    /**
     * Audit data with no extras.
     *
     * @param labelledPrompts prompts labelled 1 where the planted condition holds
     * @param positivePrompts condition-present prompts
     * @param negativePrompts condition-absent prompts
     * @param behaviour measures the planted behaviour
     * @param generation decoding settings
         */
    public AuditData(List<LabelledPrompt> labelledPrompts, List<String> positivePrompts,
            List<String> negativePrompts, BehaviourMeter behaviour, GenerationOptions generation) {
        this(labelledPrompts, positivePrompts, negativePrompts, behaviour, generation, AuditExtras.NONE);
    }

    /** Copies the lists. */
    public AuditData {
        extras = extras == null ? AuditExtras.NONE : extras;
        labelledPrompts = List.copyOf(labelledPrompts);
        positivePrompts = List.copyOf(positivePrompts);
        negativePrompts = List.copyOf(negativePrompts);
    }

    /**
     * Audit data for an organism that gives auditors its model only (no prompt sets, no behaviour meter), e.g.
     * {@code induction}, which circuit methods audit on sequences they build themselves.
     *
     * @param generation decoding settings
     * @return the data; its meter refuses to classify
     */
    public static AuditData modelOnly(GenerationOptions generation) {
        return new AuditData(List.of(), List.of(), List.of(), new BehaviourMeter() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public boolean shows(String prompt, String continuation) {
                throw new IllegalStateException("this organism has no behaviour meter");
            }

            @Override
            public double accuracy() {
                return Double.NaN;
            }
        }, generation);
    }
}
