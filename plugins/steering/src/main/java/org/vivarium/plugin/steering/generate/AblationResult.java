package org.vivarium.plugin.steering.generate;

/**
 * Directional ablation measured on one prompt set.
 *
 * @param unablated continuations with no intervention
 * @param ablated continuations with the direction removed
 * @param randomAblated continuations with random directions of equal norm removed instead
 * @param ablatedLossGivenClean the unsteered model's loss (nats/token) on the ablated continuations placed
 *     after each prompt's condition-absent twin: how fluent the ablated text is as an answer to the clean
 *     prompt (scoring it after the triggered prompt would penalise exactly the behaviour change); NaN if the
 *     prompts have no twins
 */
public record AblationResult(BehaviourSample unablated, BehaviourSample ablated, BehaviourSample randomAblated,
        double ablatedLossGivenClean) {

    /**
     * A result with no clean-twin fluency score.
     *
     * @param unablated continuations with no intervention
     * @param ablated continuations with the direction removed
     * @param randomAblated continuations with random directions removed
     */
    public AblationResult(BehaviourSample unablated, BehaviourSample ablated, BehaviourSample randomAblated) {
        this(unablated, ablated, randomAblated, Double.NaN);
    }
}
