package org.vivarium.plugin.probes.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.testkit.TestLinearAlgebra;

class LogisticProbeTest {

    private static Evaluation heldOut(GaussianData data, LinearProbe probe) {
        StratifiedSplit s = StratifiedSplit.of(data.y, 0.25, 3);
        return Evaluation.of(TestLinearAlgebra.shared(), probe, Vectors.select(data.x, s.test()), Vectors.select(data.y, s.test()));
    }

    private static LinearProbe fitOnTrain(GaussianData data, double l2) {
        StratifiedSplit s = StratifiedSplit.of(data.y, 0.25, 3);
        return new LogisticProbe(l2).fit(Vectors.select(data.x, s.train()), Vectors.select(data.y, s.train()));
    }

    @Test
    void recoversTheSeparatingDirectionInRawSpace() {
        GaussianData data = GaussianData.generate(800, 16, 4, 11);
        LinearProbe probe = fitOnTrain(data, 1e-3);
        assertEquals(ProbeKind.LOGISTIC, probe.kind());
        double cos = Vectors.cosine(probe.direction(), data.direction);
        assertTrue(cos > 0.9, "cosine to the true direction was " + cos);
        Evaluation test = heldOut(data, probe);
        assertTrue(test.accuracy() > 0.9, "held-out accuracy " + test.accuracy());
        assertTrue(test.auroc() > 0.95, "held-out AUROC " + test.auroc());
    }

    @Test
    void shuffledLabelsStayNearChance() {
        GaussianData data = GaussianData.generate(800, 16, 4, 12).shuffledLabels(5);
        Evaluation test = heldOut(data, fitOnTrain(data, 1e-3));
        assertTrue(Math.abs(test.accuracy() - 0.5) < 0.12, "accuracy on shuffled labels " + test.accuracy());
        assertTrue(Math.abs(test.auroc() - 0.5) < 0.12, "AUROC on shuffled labels " + test.auroc());
    }

    @Test
    void strongerL2ShrinksTheDirection() {
        GaussianData data = GaussianData.generate(400, 8, 3, 13);
        float[] weak = fitOnTrain(data, 1e-4).direction();
        float[] strong = fitOnTrain(data, 1.0).direction();
        assertTrue(norm(strong) < 0.5 * norm(weak), "norms " + norm(strong) + " vs " + norm(weak));
        assertTrue(Vectors.cosine(strong, data.direction) > 0.8);
    }

    @Test
    void isDeterministic() {
        GaussianData data = GaussianData.generate(200, 8, 2, 14);
        LinearProbe a = fitOnTrain(data, 1e-3);
        LinearProbe b = fitOnTrain(data, 1e-3);
        assertArrayEquals(a.direction(), b.direction());
        assertEquals(a.bias(), b.bias());
    }

    @Test
    void rejectsNegativePenalty() {
        VivariumException e = assertThrows(VivariumException.class, () -> new LogisticProbe(-1));
        assertTrue(e.getMessage().contains("--l2"));
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
