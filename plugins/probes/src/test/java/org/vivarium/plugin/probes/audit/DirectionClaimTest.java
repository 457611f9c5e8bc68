package org.vivarium.plugin.probes.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.plugin.probes.extract.FeatureSet;
import org.vivarium.plugin.probes.extract.PositionMode;
import org.vivarium.plugin.probes.math.Evaluation;
import org.vivarium.plugin.probes.math.LinearProbe;
import org.vivarium.plugin.probes.math.ProbeKind;
import org.vivarium.report.io.JsonReader;

class DirectionClaimTest {
    @TempDir
    Path out;

    static AuditProbe probe(String hook, double validationAccuracy, double testAccuracy) {
        return new AuditProbe(hook, 0, PositionMode.LAST, new LinearProbe(ProbeKind.LOGISTIC, new float[] {1, 0}, 0),
                new Evaluation(1, 1, 32), new Evaluation(validationAccuracy, 1, 16), new Evaluation(testAccuracy, 1, 16));
    }

    /** Only the fit part enters the class means: the validation and test rows here are far off. */
    @Test
    void theDirectionIsTheFitPartsClassMeanDifference() {
        int[] labels = IntStream.range(0, 16).map(i -> i % 2).toArray();
        LabelSplit split = LabelSplit.of(labels);
        float[][] rows = new float[16][];
        for (int i = 0; i < 16; i++) {
            rows[i] = labels[i] == 1 ? new float[] {3, 1} : new float[] {1, 1};
        }
        for (int i : split.validation()) {
            rows[i] = new float[] {100, -100};
        }
        for (int i : split.test()) {
            rows[i] = new float[] {-100, 100};
        }
        float[] v = DirectionClaim.meanDifference(new FeatureSet(rows, IntStream.range(0, 16).toArray()), labels, split);
        assertArrayEquals(new float[] {2, 0}, v);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClaimNamesHookVectorCoefficientAndFileAndIsSupportedByTestAccuracy() throws Exception {
        float[] v = {0.5f, -2f};
        Claim c = DirectionClaim.of(out, probe("blocks.1.hook_resid_post", 0.95, 0.94), v, 32);
        assertEquals(ClaimKind.DIRECTION, c.kind());
        assertTrue(c.supported(), c.evidence());
        assertEquals("blocks.1.hook_resid_post", c.site().hook());
        assertEquals(1, c.site().layer());
        assertArrayEquals(v, c.site().direction());
        assertEquals(1f, c.site().coefficient());
        assertEquals(DirectionClaim.FILE, c.site().file());
        assertTrue(c.evidence().contains("validation part (accuracy 0.950"), c.evidence());
        assertTrue(c.evidence().contains("test part: accuracy 0.940"), c.evidence());
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(Files.readString(out.resolve(c.site().file())));
        assertEquals(DirectionClaim.FORMAT, json.get("format"));
        assertEquals("blocks.1.hook_resid_post", json.get("hook"));
        assertEquals(List.of(0.5, -2.0), json.get("direction"));
        assertEquals(1.0, json.get("coefficient"));

        // validation alone does not support it: the test accuracy decides
        Claim weak = DirectionClaim.of(out, probe("blocks.1.hook_resid_post", 1.0, 0.85), v, 32);
        assertFalse(weak.supported(), weak.evidence());
    }
}
