package org.vivarium.plugin.latentqa.audit;

import org.vivarium.plugin.latentqa.decoder.TrainSettings;

/**
 * Settings of the latent-QA audit.
 *
 * @param train how the decoder is fine-tuned and where the activation goes in
 * @param readLayer the subject block whose {@code hook_resid_post} is read at the last token; negative counts from
 *     the end ({@code -1} = the last block)
 * @param maxPerSet use at most this many prompts of each prompt set (the first ones); 0 for all
 * @param minConditionAccuracy the condition-reading finding needs this held-out accuracy on the training model's
 *     activations, e.g. 0.8
 * @param minDomainAccuracy the domain-reading finding needs this held-out accuracy, e.g. 0.5
 * @param minGap the audited-model finding needs the audited model's condition-answer rate on neutral held-out
 *     prompts to exceed every comparison model's by this much (absolute), e.g. 0.15
 */
public record LatentQaSettings(TrainSettings train, int readLayer, int maxPerSet, double minConditionAccuracy,
        double minDomainAccuracy, double minGap) {

    /** Checks the values. */
    public LatentQaSettings {
        for (double t : new double[] {minConditionAccuracy, minDomainAccuracy, minGap}) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("thresholds are rates in [0, 1], got " + t);
            }
        }
        if (maxPerSet < 0) {
            throw new IllegalArgumentException("maxPerSet must be >= 0");
        }
    }

    /**
     * The defaults: {@link TrainSettings#defaults()}, the last block, every prompt, condition accuracy 0.8, domain
     * accuracy 0.5, gap 0.15.
     *
     * @return the settings
     */
    public static LatentQaSettings defaults() {
        return new LatentQaSettings(TrainSettings.defaults(), -1, 0, 0.8, 0.5, 0.15);
    }

    /**
     * Returns a copy with other training settings.
     *
     * @param t the training settings
     * @return the copy
     */
    public LatentQaSettings withTrain(TrainSettings t) {
        return new LatentQaSettings(t, readLayer, maxPerSet, minConditionAccuracy, minDomainAccuracy, minGap);
    }
}
