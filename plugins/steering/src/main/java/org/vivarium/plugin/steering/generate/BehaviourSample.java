package org.vivarium.plugin.steering.generate;

import java.util.List;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.Model;

/**
 * Continuations of a prompt set under one condition, measured.
 *
 * @param rate fraction of continuations showing the behaviour, in [0, 1]
 * @param coherence {@link Coherence} of the continuations (fraction of ordinary characters)
 * @param loss {@link ContinuationLoss}: the unsteered model's nats per generated token
 * @param prompts the prompts
 * @param continuations the continuation texts, same order
 */
public record BehaviourSample(double rate, double coherence, double loss, List<String> prompts,
        List<String> continuations) {
    /** Copies the lists. */
    public BehaviourSample {
        prompts = List.copyOf(prompts);
        continuations = List.copyOf(continuations);
    }

    /**
     * Measures continuations.
     *
     * @param meter the behaviour classifier
     * @param model the model, for the loss proxy (run without hooks)
     * @param prompts the prompts
     * @param continuations their continuations
     * @return the sample
     */
    public static BehaviourSample measure(BehaviourMeter meter, Model model, List<String> prompts,
            List<Continuation> continuations) {
        List<String> texts = continuations.stream().map(Continuation::text).toList();
        return new BehaviourSample(meter.rate(prompts, texts), Coherence.of(texts),
                ContinuationLoss.of(model, continuations), prompts, texts);
    }

    /** @return the number of continuations */
    public int size() {
        return continuations.size();
    }
}
