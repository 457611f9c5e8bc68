package org.vivarium.plugin.steering.generate;

/**
 * The behaviour at one steering coefficient.
 *
 * @param coefficient the multiple of the direction added
 * @param sample the continuations and their measurements
 * @param lossGivenTwin the unsteered model's loss on the steered continuations placed after each prompt's
 *     condition-present twin ({@link TwinLoss}), or NaN if the prompts have no twins
 */
public record SweepPoint(double coefficient, BehaviourSample sample, double lossGivenTwin) {
    /**
     * A point with no twin score.
     *
     * @param coefficient the multiple
     * @param sample the measurements
     */
    public SweepPoint(double coefficient, BehaviourSample sample) {
        this(coefficient, sample, Double.NaN);
    }
}
