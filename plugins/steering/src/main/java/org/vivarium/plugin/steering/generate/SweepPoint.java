package org.vivarium.plugin.steering.generate;

/**
 * One coefficient of a steering sweep.
 *
 * @param coefficient the multiple of the direction added at every position
 * @param sample what the steered model generated, measured
 */
public record SweepPoint(double coefficient, BehaviourSample sample) {
}
