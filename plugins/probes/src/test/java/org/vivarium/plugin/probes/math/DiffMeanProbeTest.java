package org.vivarium.plugin.probes.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vivarium.testkit.TestLinearAlgebra;

class DiffMeanProbeTest {

    @Test
    void directionIsTheMeanDifferenceAndRecoversTheTruth() {
        GaussianData data = GaussianData.generate(1000, 12, 4, 21);
        LinearProbe probe = DiffMeanProbe.fit(data.x, data.y);
        assertEquals(ProbeKind.DIFFMEAN, probe.kind());
        double cos = Vectors.cosine(probe.direction(), data.direction);
        assertTrue(cos > 0.9, "cosine " + cos);
        Evaluation e = Evaluation.of(TestLinearAlgebra.shared(), probe, data.x, data.y);
        assertTrue(e.accuracy() > 0.9, "accuracy " + e.accuracy());
    }

    @Test
    void thresholdIsTheMidpointOfProjectedClassMeans() {
        float[][] x = {{0, 0}, {2, 0}, {4, 2}, {6, 2}};
        int[] y = {0, 0, 1, 1};
        LinearProbe probe = DiffMeanProbe.fit(x, y);
        // means (1,0) and (5,2): direction (4,2); midpoint (3,1) scores zero
        assertEquals(4f, probe.direction()[0]);
        assertEquals(2f, probe.direction()[1]);
        assertEquals(0, probe.score(new float[] {3, 1}), 1e-9);
        assertEquals(1.0, Evaluation.of(TestLinearAlgebra.shared(), probe, x, y).accuracy());
    }

    @Test
    void shuffledLabelsStayNearChanceOnHeldOutData() {
        GaussianData data = GaussianData.generate(800, 16, 4, 22).shuffledLabels(9);
        StratifiedSplit s = StratifiedSplit.of(data.y, 0.25, 1);
        LinearProbe probe = DiffMeanProbe.fit(Vectors.select(data.x, s.train()), Vectors.select(data.y, s.train()));
        Evaluation test = Evaluation.of(TestLinearAlgebra.shared(), probe, Vectors.select(data.x, s.test()), Vectors.select(data.y, s.test()));
        assertTrue(Math.abs(test.accuracy() - 0.5) < 0.12, "accuracy " + test.accuracy());
    }
}
