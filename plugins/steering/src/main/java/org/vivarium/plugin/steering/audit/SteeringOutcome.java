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

    /** Where the organism has a coherence meter, steered answers may lose at most this share of coherence. */
    public static final double MAX_COHERENCE_DROP = 0.3;
    /** ... and at least this share of steered answers must stay coherent (as the host's scorer requires). */
    public static final double MIN_COHERENT = 0.5;

    /**
     * Whether the direction claim holds on the test part: the rise is at least {@code minEffect}, the text stays
     * fluent, and, where the organism has a coherence meter, the steered answers stay coherent (the loss rule
     * alone lets broken text through on a character model whose own text costs ~0.1 nat per character: measured
     * on em seed 1, coherence 0.69 unsteered vs 0.19 steered at a loss rise of 0.90).
     *
     * @return true if supported
     */
    public boolean steeringHolds() {
        return test.rise() >= settings.minEffect() && Fluency.fluent(test.lossRise()) && coherent();
    }

    /** @return true when there is no coherence meter, or steering kept the answers coherent */
    public boolean coherent() {
        Double clean = test.coherentRates().get("clean");
        Double steered = test.coherentRates().get("steered");
        return clean == null || steered == null
                || (steered >= MIN_COHERENT && clean - steered <= MAX_COHERENCE_DROP);
    }
}
