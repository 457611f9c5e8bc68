package org.vivarium.plugin.probes.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vivarium.plugin.probes.extract.FeatureSet;
import org.vivarium.plugin.probes.extract.PositionMode;
import org.vivarium.plugin.probes.math.ProbeKind;
import org.vivarium.testkit.RecordingProgress;
import org.vivarium.testkit.TestLinearAlgebra;

/** Honest selection: fit on fit, choose on validation, report test. */
class ProbeGridTest {
    private static final String H0 = "blocks.0.hook_resid_post";
    private static final String H1 = "blocks.1.hook_resid_post";

    /**
     * Hook 0 reads the label on the fit and validation parts but reads it backwards on the test part; hook 1
     * reads it on fit and test but not at all on validation. Choosing on validation must pick hook 0 and report
     * its (poor) test accuracy, although hook 1 is the better probe on test.
     */
    @Test
    void theProbeIsChosenOnValidationAndItsTestScoresAreReported() {
        int[] labels = IntStream.range(0, 64).map(i -> i % 2).toArray();
        LabelSplit split = LabelSplit.of(labels);
        Random r = new Random(7);
        float[][] x0 = new float[64][];
        float[][] x1 = new float[64][];
        for (int i = 0; i < 64; i++) {
            int sign = labels[i] == 1 ? 1 : -1;
            boolean inTest = contains(split.test(), i);
            boolean inValidation = contains(split.validation(), i);
            x0[i] = new float[] {(inTest ? -sign : sign) + 0.1f * (float) r.nextGaussian(), (float) r.nextGaussian()};
            x1[i] = new float[] {(inValidation ? (r.nextBoolean() ? 1 : -1) : sign) + 0.1f * (float) r.nextGaussian(),
                (float) r.nextGaussian()};
        }
        int[] prompt = IntStream.range(0, 64).toArray();
        Map<String, FeatureSet> features = new LinkedHashMap<>();
        features.put(H0, new FeatureSet(x0, prompt));
        features.put(H1, new FeatureSet(x1, prompt));
        List<AuditProbe> grid = ProbeGrid.fit(features, PositionMode.LAST, labels, split,
                List.of(ProbeKind.LOGISTIC, ProbeKind.DIFFMEAN), TestLinearAlgebra.shared(), new RecordingProgress());
        assertEquals(4, grid.size());
        AuditProbe chosen = ProbeGrid.choose(grid);
        assertEquals(H0, chosen.hook());
        assertEquals(1.0, chosen.validation().accuracy());
        assertTrue(chosen.test().accuracy() < 0.1, "reported test accuracy " + chosen.test().accuracy());
        double bestTest = grid.stream().mapToDouble(p -> p.test().accuracy()).max().orElseThrow();
        assertTrue(bestTest > 0.9, "hook 1 is better on test: " + bestTest);
        assertEquals(16, chosen.validation().size());
        assertEquals(16, chosen.test().size());
        assertEquals(32, chosen.fit().size());
        assertEquals("logistic/last@" + H0, chosen.name());
    }

    @Test
    void tiesOnValidationKeepTheEarlierProbeAndAnEmptyGridIsAnError() {
        List<AuditProbe> grid = List.of(DirectionClaimTest.probe(H0, 1.0, 0.5), DirectionClaimTest.probe(H1, 1.0, 0.99));
        assertEquals(H0, ProbeGrid.choose(grid).hook());
        assertThrows(IllegalArgumentException.class, () -> ProbeGrid.choose(List.of()));
    }

    private static boolean contains(int[] part, int i) {
        return Arrays.stream(part).anyMatch(j -> j == i);
    }
}
