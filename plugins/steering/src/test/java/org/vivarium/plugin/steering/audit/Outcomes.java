package org.vivarium.plugin.steering.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.vivarium.api.model.HookName;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.extract.PositionMode;
import org.vivarium.plugin.steering.generate.AblationResult;
import org.vivarium.plugin.steering.generate.BehaviourSample;
import org.vivarium.plugin.steering.generate.SweepPoint;
import org.vivarium.plugin.steering.math.Separation;

/** Hand-made steering measurements for tests of the selection rule and the claims. */
final class Outcomes {
    /** Coefficients of the hand-made validation sweeps. */
    static final List<Double> COEFFS = List.of(1.0, 2.0, 4.0);
    /** Loss of every unsteered sample (nats/token). */
    static final double BASE_LOSS = 1.5;

    private Outcomes() {
    }

    static BehaviourSample sample(double rate) {
        return sample(rate, BASE_LOSS);
    }

    static BehaviourSample sample(double rate, double loss) {
        return new BehaviourSample(rate, 0.95, loss, Collections.nCopies(10, "p"), Collections.nCopies(10, "c"));
    }

    /** A sweep point whose fluency rise (after the twin, against {@link #BASE_LOSS}) is {@code rise}. */
    static SweepPoint point(double c, double rate, double rise) {
        return new SweepPoint(c, sample(rate), BASE_LOSS + rise);
    }

    static LayerDirection dir(int layer, float... v) {
        return new LayerDirection(layer, HookName.residPre(layer), v, new Separation(0.9, 2, 8));
    }

    /** A site sweep over {@link #COEFFS} with the given rates and fluency rises. */
    static SiteSweep site(LayerDirection d, double[] rates, double[] rises) {
        List<SweepPoint> pts = new ArrayList<>();
        for (int i = 0; i < COEFFS.size(); i++) {
            pts.add(point(COEFFS.get(i), rates[i], rises[i]));
        }
        return new SiteSweep(d, pts);
    }

    /**
     * Two candidate sites on validation (clean 0.1, triggered 0.9): site 0 reaches 0.5 fluently, site 1 reaches
     * 0.7 fluently at c=2 and 0.95 disfluently at c=4; so site 1, c=2 is chosen.
     */
    static ValidationSweep validation() {
        return SiteChoice.choose(sample(0.1), sample(0.9), List.of(
                site(dir(0, 3, 4), new double[] {0.2, 0.4, 0.5}, new double[] {0.1, 0.2, 0.4}),
                site(dir(1, 1, 0), new double[] {0.3, 0.7, 0.95}, new double[] {0.2, 0.6, 1.4})));
    }

    /**
     * A whole outcome with the standard validation and the given test numbers.
     *
     * @param clean test condition-absent rate
     * @param steered test steered rate
     * @param steerRise test fluency rise of the steered text
     * @param triggered test condition-present rate
     * @param ablated ablated rate
     * @param random random-ablated rate
     */
    static SteeringOutcome outcome(double clean, double steered, double steerRise, double triggered, double ablated,
            double random) {
        ValidationSweep v = validation();
        TestMeasurement t = new TestMeasurement(sample(clean), point(v.point().coefficient(), steered, steerRise),
                new AblationResult(sample(triggered), sample(ablated), sample(random), BASE_LOSS + 0.5));
        List<String> pos = List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7");
        List<String> neg = List.of("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7");
        List<LayerDirection> dirs = v.sites().stream().map(SiteSweep::direction).toList();
        return new SteeringOutcome(dirs, dirs, v, t, PairedSplit.of(pos, neg, 32),
                new SteeringSettings(List.of(0.0, 1.0, 2.0, 4.0), 32, 0.3, 0.5, 7L, PositionMode.LAST));
    }
}
