package org.vivarium.plugin.probes.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vivarium.plugin.probes.extract.FeatureSet;
import org.vivarium.plugin.probes.extract.PositionMode;
import org.vivarium.plugin.probes.math.Evaluation;
import org.vivarium.plugin.probes.math.MlpProbe;
import org.vivarium.plugin.probes.math.ProbeKind;
import org.vivarium.plugin.probes.math.StratifiedSplit;
import org.vivarium.plugin.probes.report.FitProvenance;
import org.vivarium.plugin.probes.report.ProbesJson;
import org.vivarium.report.io.JsonReader;
import org.vivarium.testkit.RecordingProgress;
import org.vivarium.testkit.TestLinearAlgebra;

/** The MLP probe separates XOR-like activations that no linear probe can, and reports validation and test scores. */
class MlpProbeFitTest {
    private static final String HOOK = "blocks.0.hook_resid_post";

    /**
     * One row per prompt: the label is the XOR of the signs of two dimensions (each class fills two opposite
     * quadrants), the other dimensions are noise, all shifted and scaled like raw activations.
     */
    private static FeatureSet xorActivations(int prompts, int width, int[] labels, long seed) {
        Random r = new Random(seed);
        float[][] rows = new float[prompts][width];
        int[] prompt = new int[prompts];
        for (int i = 0; i < prompts; i++) {
            for (int j = 0; j < width; j++) {
                rows[i][j] = (float) r.nextGaussian();
            }
            labels[i] = (rows[i][0] > 0) ^ (rows[i][1] > 0) ? 1 : 0;
            for (int j = 0; j < width; j++) {
                rows[i][j] = 3 + 2 * rows[i][j];
            }
            prompt[i] = i;
        }
        return new FeatureSet(rows, prompt);
    }

    @Test
    void theMlpSeparatesXorWhereTheLogisticProbeCannot() {
        int n = 480;
        int[] labels = new int[n];
        FeatureSet f = xorActivations(n, 6, labels, 3);
        FitSettings settings = new FitSettings(HOOK, PositionMode.LAST, 1e-3,
                List.of(ProbeKind.LOGISTIC, ProbeKind.MLP), 0.25, 1);
        StratifiedSplit split = StratifiedSplit.of(labels, settings.testFraction(), settings.seed());
        RecordingProgress progress = new RecordingProgress();
        List<ProbeResult> results = new ProbeFitter(settings, TestLinearAlgebra.shared())
                .fit(Map.of(HOOK, f), labels, split, progress);
        assertEquals(2, results.size());
        assertEquals(2, progress.units());
        ProbeResult logistic = results.get(0);
        ProbeResult mlp = results.get(1);

        assertTrue(logistic.test().accuracy() < 0.65, "logistic test accuracy " + logistic.test().accuracy());
        assertTrue(mlp.test().accuracy() > 0.9, "MLP test accuracy " + mlp.test().accuracy());
        assertTrue(mlp.test().auroc() > 0.95, "MLP test AUROC " + mlp.test().auroc());
        assertFalse(logistic.validation().isPresent(), "the linear probes have no validation part");

        Evaluation val = mlp.validation().orElseThrow();
        assertTrue(val.accuracy() > 0.9, "MLP validation accuracy " + val.accuracy());
        assertEquals(split.test().length, mlp.test().size(), "reported on the test prompts");
        assertEquals(split.train().length, mlp.train().size() + val.size(), "validation prompts come out of training");
        assertEquals(Math.round(0.2 * split.train().length), val.size(), 2);
        MlpProbe probe = (MlpProbe) mlp.probe();
        assertTrue(probe.bestEpoch() < probe.epochs());
        assertEquals(probe.scores(new float[][] {f.rows()[0]})[0], probe.score(f.rows()[0]), 1e-9);

        FitProvenance prov = new FitProvenance("ckpt", "xor", null, "xor.tsv", "sha256:0", n, settings, "now");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) JsonReader
                .parse(ProbesJson.render(prov, results))).get("probes")).get(1);
        assertEquals("mlp", json.get("kind"));
        assertEquals(val.accuracy(), (Double) json.get("validation_accuracy"), 1e-12);
        assertEquals(mlp.test().accuracy(), (Double) json.get("accuracy"), 1e-12);
        assertEquals((double) probe.bestEpoch(), json.get("best_epoch"));
    }
}
