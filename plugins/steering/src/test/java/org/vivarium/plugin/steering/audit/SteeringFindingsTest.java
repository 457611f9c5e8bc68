package org.vivarium.plugin.steering.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.AuditFinding;
import org.vivarium.api.model.HookName;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.generate.AblationResult;
import org.vivarium.plugin.steering.generate.BehaviourSample;
import org.vivarium.plugin.steering.generate.SweepPoint;
import org.vivarium.plugin.steering.math.Separation;

/** The findings' thresholds, on hand-made measurements. */
class SteeringFindingsTest {
    private static BehaviourSample sample(double rate) {
        return new BehaviourSample(rate, 0.95, 1.5, Collections.nCopies(10, "p"), Collections.nCopies(10, "c"));
    }

    private static SteeringOutcome outcome(double[] sweepRates, double triggered, double ablated, double random) {
        return outcome(sweepRates, triggered, ablated, random, Double.NaN);
    }

    private static SteeringOutcome outcome(double[] sweepRates, double triggered, double ablated, double random,
            double ablatedLossGivenClean) {
        LayerDirection d = new LayerDirection(1, HookName.residPre(1), new float[] {3, 4}, new Separation(1, 3, 8));
        List<Double> coeffs = List.of(0.0, 0.5, 1.0, 2.0, 4.0, 8.0);
        List<SweepPoint> sweep = new java.util.ArrayList<>();
        for (int i = 0; i < coeffs.size(); i++) {
            sweep.add(new SweepPoint(coeffs.get(i), sample(sweepRates[i])));
        }
        return new SteeringOutcome(List.of(d), d, "test", sweep,
                new AblationResult(sample(triggered), sample(ablated), sample(random), ablatedLossGivenClean),
                SteeringSettings.defaults());
    }

    @Test
    void strongEffectsAreSupportedWithNumbersAndThresholdsInTheText() {
        SteeringOutcome o = outcome(new double[] {0.1, 0.1, 0.3, 0.8, 0.9, 0.6}, 0.9, 0.2, 0.85);
        List<AuditFinding> f = SteeringFindings.of(o, "negative-sentiment rate");
        AuditFinding steer = f.get(0);
        assertTrue(steer.supported());
        assertEquals("adding the direction to clean prompts raises the negative-sentiment rate from 0.10 to 0.90 at "
                + "coefficient 4", steer.claim());
        assertTrue(steer.evidence().contains("|v| = 5.000"), steer.evidence());
        assertTrue(steer.evidence().contains("supported if the rise is >= 0.30"), steer.evidence());
        assertEquals("direction", steer.truthCardKind());
        AuditFinding ablate = f.get(1);
        assertTrue(ablate.supported());
        assertEquals("ablating the direction in triggered prompts lowers the negative-sentiment rate from 0.90 "
                + "to 0.20 (random direction: 0.85)", ablate.claim());
        assertTrue(ablate.evidence().contains("<= 0.50 x the drop"), ablate.evidence());
        AuditFinding behaviour = f.get(2);
        assertTrue(behaviour.supported());
        assertEquals("with no intervention the negative-sentiment rate is higher on triggered prompts than on clean "
                + "ones: 0.90 vs 0.10", behaviour.claim());
        assertEquals("behaviour", behaviour.truthCardKind());
        assertTrue(behaviour.evidence().contains("gap +0.80; supported if the gap is >= 0.30"), behaviour.evidence());
        assertFalse(SteeringFindings.of(outcome(new double[] {0.5, 0.5, 0.6, 0.8, 0.9, 0.6}, 0.6, 0.2, 0.55), "r")
                .get(2).supported(), "a gap of 0.10 is not the behaviour");
        assertEquals(0.9, SteeringSection.metrics(o).get("steer_best_rate"), 1e-12);
        assertEquals(4.0, SteeringSection.metrics(o).get("steer_best_coefficient"), 1e-12);
    }

    @Test
    void smallEffectsOrARandomDirectionThatWorksAsWellAreNotSupported() {
        assertFalse(SteeringFindings.of(outcome(new double[] {0.1, 0.1, 0.2, 0.3, 0.35, 0.3}, 0.9, 0.7, 0.9), "r")
                .get(0).supported(), "a rise of 0.25 is below 0.3");
        assertFalse(SteeringFindings.of(outcome(new double[] {0.1, 0.1, 0.2, 0.3, 0.35, 0.3}, 0.9, 0.7, 0.9), "r")
                .get(1).supported(), "a drop of 0.2 is below 0.3");
        assertFalse(SteeringFindings.of(outcome(new double[] {0, 0, 0, 0, 0, 0}, 0.9, 0.1, 0.3), "r").get(1)
                .supported(), "the random direction drops it by 0.6 of the real 0.8");
    }

    @Test
    void anAblationThatMakesTheTextDisfluentIsNotSupported() {
        double[] sweep = {0.1, 0.1, 0.3, 0.8, 0.9, 0.6};
        AuditFinding fluent = SteeringFindings.of(outcome(sweep, 1.0, 0.0, 1.0, 1.5 + 0.9), "r").get(1);
        assertTrue(fluent.supported(), fluent.evidence());
        assertTrue(fluent.evidence().contains("after the clean twin prompt 2.40 vs 1.50"), fluent.evidence());
        AuditFinding broken = SteeringFindings.of(outcome(sweep, 1.0, 0.0, 1.0, 1.5 + 1.1), "r").get(1);
        assertFalse(broken.supported(), "a loss rise of 1.1 nats/token exceeds " + SteeringFindings.MAX_LOSS_RISE);
    }

    @Test
    void theReportedCoefficientIsTheStrongestThatKeepsTheTextFluent() {
        LayerDirection d = new LayerDirection(1, HookName.residPre(1), new float[] {3, 4}, new Separation(1, 3, 8));
        double[] rates = {0.0, 0.1, 0.3, 0.6, 0.9, 1.0};
        double[] losses = {0.2, 0.2, 0.3, 0.8, 1.5, 4.0};
        List<Double> coeffs = List.of(0.0, 0.5, 1.0, 2.0, 4.0, 8.0);
        List<SweepPoint> sweep = new java.util.ArrayList<>();
        for (int i = 0; i < coeffs.size(); i++) {
            sweep.add(new SweepPoint(coeffs.get(i), new BehaviourSample(rates[i], 1, losses[i],
                    Collections.nCopies(10, "p"), Collections.nCopies(10, "c"))));
        }
        SteeringOutcome o = new SteeringOutcome(List.of(d), d, "test", sweep,
                new AblationResult(sample(1), sample(0), sample(1)), SteeringSettings.defaults());
        assertEquals(2.0, o.strongestSteer().coefficient(), "coefficient 4 raises the loss by 1.3, 8 by 3.8");
        AuditFinding f = SteeringFindings.of(o, "r").get(0);
        assertTrue(f.supported(), f.evidence());
        assertTrue(f.claim().contains("to 0.60 at coefficient 2"), f.claim());
    }
}
