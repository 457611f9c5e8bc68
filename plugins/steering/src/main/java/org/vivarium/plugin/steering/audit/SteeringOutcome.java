package org.vivarium.plugin.steering.audit;

import java.util.List;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.generate.SweepPoint;

/**
 * Everything a steering audit measured, by split part.
 *
 * @param directions the last-token direction at every residual site (fitted on the fit part, AUROC on the test
 *     part); reported for their separation only
 * @param meanDirections the position-mean direction at every residual site (fitted on the fit part, AUROC on the
 *     test part): the candidates that were steered with
 * @param validation the candidates' sweeps on the validation part and the chosen (site, coefficient)
 * @param test the chosen one, and the attention-output ablation, on the test part
 * @param parts the split (sizes of the parts)
 * @param settings the settings used
 */
public record SteeringOutcome(List<LayerDirection> directions, List<LayerDirection> meanDirections,
        ValidationSweep validation, TestMeasurement test, PairedSplit parts, SteeringSettings settings) {
    /** Copies the lists. */
    public SteeringOutcome {
        directions = List.copyOf(directions);
        meanDirections = List.copyOf(meanDirections);
    }

    /** @return the chosen direction (the raw vector that was added) */
    public LayerDirection chosen() {
        return validation.chosen();
    }

    /** @return the chosen coefficient */
    public double coefficient() {
        return validation.point().coefficient();
    }

    /** @return the chosen point on the validation part */
    public SweepPoint validationPoint() {
        return validation.point();
    }

    /**
     * Whether the direction claim holds on the test part: the rise is at least {@code minEffect} and the text
     * stays fluent.
     *
     * @return true if supported
     */
    public boolean steeringHolds() {
        return test.rise() >= settings.minEffect() && Fluency.fluent(test.lossRise());
    }
}
