package org.vivarium.plugin.steering.generate;

/**
 * Directional ablation measured on one prompt set.
 *
 * @param unablated continuations with no intervention
 * @param ablated continuations with the direction projected out of every residual site
 * @param randomAblated continuations with a random direction of equal norm projected out instead
 */
public record AblationResult(BehaviourSample unablated, BehaviourSample ablated, BehaviourSample randomAblated) {
}
