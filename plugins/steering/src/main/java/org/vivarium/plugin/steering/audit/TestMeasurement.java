package org.vivarium.plugin.steering.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.plugin.steering.generate.AblationResult;
import org.vivarium.plugin.steering.generate.BehaviourSample;
import org.vivarium.plugin.steering.generate.SweepPoint;

/**
 * The chosen site and coefficient measured on the test part, which played no part in fitting or choosing.
 *
 * @param clean unsteered continuations of the test condition-absent prompts
 * @param steered the same prompts with the chosen coefficient times the chosen direction added
 * @param ablation the test condition-present prompts: unablated, attention-output clamp, random control
 * @param coherentRates the organism's own coherence meter ({@code AuditTarget.coherence()}) on these
 *     continuations, by condition ({@code clean}, {@code steered}, {@code triggered}, {@code ablated}); empty if
 *     the organism has none. Reported beside the rates, not used for support.
 */
public record TestMeasurement(BehaviourSample clean, SweepPoint steered, AblationResult ablation,
        Map<String, Double> coherentRates) {
    /** Copies the map, keeping its order. */
    public TestMeasurement {
        coherentRates = Collections.unmodifiableMap(new LinkedHashMap<>(coherentRates));
    }

    /**
     * A measurement without a coherence meter.
     *
     * @param clean unsteered condition-absent continuations
     * @param steered the steered ones
     * @param ablation the condition-present ones, unablated and ablated
     */
    public TestMeasurement(BehaviourSample clean, SweepPoint steered, AblationResult ablation) {
        this(clean, steered, ablation, Map.of());
    }

    /** @return unsteered continuations of the test condition-present prompts */
    public BehaviourSample triggered() {
        return ablation.unablated();
    }

    /** @return steered rate minus unsteered rate on the condition-absent test prompts */
    public double rise() {
        return steered.sample().rate() - clean.rate();
    }

    /** @return the steered text's fluency loss rise ({@link Fluency#steerRise}) */
    public double lossRise() {
        return Fluency.steerRise(steered, clean, triggered());
    }

    /** @return condition-present minus condition-absent unsteered rate */
    public double gap() {
        return triggered().rate() - clean.rate();
    }

    /** @return unablated minus ablated rate */
    public double ablationDrop() {
        return ablation.unablated().rate() - ablation.ablated().rate();
    }

    /** @return how far the random control moved the rate, in absolute value */
    public double randomShift() {
        return Math.abs(ablation.unablated().rate() - ablation.randomAblated().rate());
    }

    /** @return the ablated text's fluency loss rise ({@link Fluency#ablationRise}) */
    public double ablationLossRise() {
        return Fluency.ablationRise(ablation, clean);
    }

    /**
     * Whether the ablation meets its criteria: a drop of at least {@code minEffect}, a random shift of at most
     * {@code maxRandomShare} times the drop, and fluent text.
     *
     * @param s the thresholds
     * @return true if all hold
     */
    public boolean ablationHolds(SteeringSettings s) {
        double drop = ablationDrop();
        return drop >= s.minEffect() && randomShift() <= s.maxRandomShare() * drop
                && Fluency.fluent(ablationLossRise());
    }
}
