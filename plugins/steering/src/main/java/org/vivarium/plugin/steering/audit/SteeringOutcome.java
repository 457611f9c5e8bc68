package org.vivarium.plugin.steering.audit;

import java.util.List;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.generate.AblationResult;
import org.vivarium.plugin.steering.generate.BehaviourSample;
import org.vivarium.plugin.steering.generate.SweepPoint;

/**
 * Everything a steering audit measured.
 *
 * @param directions the direction at every residual site (fitted on the fit half, scored on the other)
 * @param chosen the direction that was steered with and ablated
 * @param chosenBecause why that site was chosen
 * @param sweep behaviour on clean prompts at each coefficient (coefficient 0 is the unsteered baseline)
 * @param ablation behaviour on triggered prompts: unablated, ablated, random-ablated
 * @param settings the settings used
 */
public record SteeringOutcome(List<LayerDirection> directions, LayerDirection chosen, String chosenBecause,
        List<SweepPoint> sweep, AblationResult ablation, SteeringSettings settings) {
    /** Copies the lists. */
    public SteeringOutcome {
        directions = List.copyOf(directions);
        sweep = List.copyOf(sweep);
    }

    /** @return the clean prompts' behaviour with no steering (coefficient 0) */
    public BehaviourSample cleanBaseline() {
        return sweep.stream().filter(p -> p.coefficient() == 0).findFirst().orElseThrow().sample();
    }

    /**
     * Returns the coefficient with the highest behaviour rate among those that keep the text fluent (see
     * {@link #lossRise}); if none does, the smallest positive coefficient.
     *
     * @return the sweep point
     */
    public SweepPoint strongestSteer() {
        SweepPoint best = null;
        SweepPoint smallest = null;
        for (SweepPoint p : sweep) {
            if (p.coefficient() <= 0) {
                continue;
            }
            if (smallest == null || p.coefficient() < smallest.coefficient()) {
                smallest = p;
            }
            if (!(lossRise(p) > SteeringFindings.MAX_LOSS_RISE)
                    && (best == null || p.sample().rate() > best.sample().rate())) {
                best = p;
            }
        }
        return best != null ? best : smallest != null ? smallest : sweep.get(0);
    }

    /**
     * How much less fluent steering made the text, in nats/token: with twins, the unsteered model's loss on the
     * steered text after the condition-present twin minus its loss on its own condition-present continuations;
     * without, the loss on the steered text minus that on the unsteered clean continuations.
     *
     * @param p a sweep point
     * @return the rise (may be negative)
     */
    public double lossRise(SweepPoint p) {
        if (!Double.isNaN(p.lossGivenTwin())) {
            return p.lossGivenTwin() - ablation.unablated().loss();
        }
        return p.sample().loss() - cleanBaseline().loss();
    }
}
