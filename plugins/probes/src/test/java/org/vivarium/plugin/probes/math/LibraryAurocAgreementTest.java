package org.vivarium.plugin.probes.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.testkit.TestLinearAlgebra;

/** The hand-written Auroc against the host's ND4J service on the same inputs, with and without ties. */
class LibraryAurocAgreementTest {
    private static final LinearAlgebra LA = TestLinearAlgebra.shared();

    @Test
    void aurocAgreesWithNd4j() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + r.nextInt(300);
            double[] scores = new double[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = i < 2 ? i : r.nextInt(2);
                scores[i] = trial % 3 == 0 ? r.nextInt(3) : (r.nextDouble() - 0.5) * 1e3 + labels[i] * 50;
            }
            assertEquals(Auroc.of(scores, labels), LA.auroc(scores, labels), 1e-12, "trial " + trial);
        }
    }
}
