package org.vivarium.plugin.steering.audit;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.plugin.steering.extract.PositionMode;

/**
 * Settings of a steering audit.
 *
 * @param coefficients multiples of the raw mean-difference vector to add; 0 is added if missing (it is the
 *     unsteered baseline); every positive one is tried at every candidate site on the validation part
 * @param maxPrompts at most this many validation and this many test prompts per set are continued (bounds the run
 *     time)
 * @param minEffect a rate change of at least this much supports a claim, e.g. 0.3
 * @param maxRandomShare the random-direction control may move the rate by at most this fraction of the
 *     real direction's effect, e.g. 0.5
 * @param randomSeed seed of the random control direction
 * @param position how prompt vectors are formed for the reported per-site separation table (the steering
 *     candidates are always position means)
 */
public record SteeringSettings(List<Double> coefficients, int maxPrompts, double minEffect, double maxRandomShare,
        long randomSeed, PositionMode position) {

    /** Sorts the coefficients, adds 0 and checks the values (at least one positive coefficient). */
    public SteeringSettings {
        List<Double> c = new ArrayList<>(coefficients);
        if (!c.contains(0.0)) {
            c.add(0.0);
        }
        c.sort(Double::compare);
        coefficients = List.copyOf(c);
        if (c.stream().noneMatch(x -> x > 0)) {
            throw new IllegalArgumentException("coefficients need at least one positive value, got " + coefficients);
        }
        if (maxPrompts < 2) {
            throw new IllegalArgumentException("maxPrompts must be >= 2, got " + maxPrompts);
        }
    }

    /**
     * The defaults: coefficients 0, 0.5, 1, 2, 3, 4, 6, 8; at most 32 validation and 32 test prompts per set; effects of 0.3; the random control
     * may move the rate by at most half the real effect; last-token vectors.
     *
     * @return the settings
     */
    public static SteeringSettings defaults() {
        return new SteeringSettings(List.of(0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0), 32, 0.3, 0.5, 7L,
                PositionMode.LAST);
    }
}
