package org.vivarium.plugin.circuits.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.plugin.circuits.acdc.CircuitGraph;
import org.vivarium.plugin.circuits.acdc.EdgePatchedForward;
import org.vivarium.plugin.circuits.composition.CompositionKind;
import org.vivarium.plugin.circuits.composition.CompositionScores;
import org.vivarium.plugin.circuits.composition.HeadWeights;
import org.vivarium.plugin.circuits.induction.RepeatedSequences;
import org.vivarium.plugin.circuits.math.LogProbs;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.TinyCheckpoint;

/**
 * The circuits methods on a Llama / Qwen2 style model as {@code viv import hf} gives it (RMSNorm with a gain and no
 * bias, eps 1e-6, gated SiLU MLP, rotary; random final gain): the logit lens's final row is the model, direct logit
 * attributions add up to the logit difference, edge patching with no / every edge removed is the clean / corrupted
 * run, and composition scores are finite. Before RMSNorm support these read {@code ln_final.b} and crashed.
 */
class RmsNormModelTest {
    @TempDir
    static Path tmp;

    @Test
    void lensAttributionEdgesAndCompositionFollowTheRmsNorm() {
        Path ckpt = TinyCheckpoint.over("the quick brown fox jumps over the lazy dog 0123456789").llamaStyle()
                .randomFinalNormGain().seed(3).writeTo(tmp.resolve("llama-style"));
        try (Model model = TestRuntime.shared().load(ckpt)) {
            assertTrue(model.config().options().rmsNorm() && model.config().options().gatedMlp());
            Map<String, Tensor> weights = model.weights();
            assertFalse(weights.containsKey("ln_final.b"), "an RMSNorm has no bias");
            RepeatedSequences seqs = RepeatedSequences.random(model.config().dVocab(), 4, 12, 5);
            int[] tokens = seqs.clean()[0];

            LensResult lens = LogitLens.run(model, weights, tokens, -1, tokens[12], 3);
            Tensor logits = model.runWithHooks(new int[][] {tokens}, List.of());
            int finalRow = lens.rows().size() - 1;
            for (int p = 0; p < tokens.length - 1; p++) {
                assertEquals(LogProbs.of(logits, 0, p, tokens[p + 1]), lens.nextLogProb()[finalRow][p], 1e-3,
                        "position " + p);
            }

            DlaResult dla = DirectLogitAttribution.run(model, weights, seqs.clean(), -1, tokens[3], tokens[4], "a-b");
            assertTrue(dla.frozenScale());
            assertEquals(dla.actual(), dla.sum(), 1e-3 * Math.max(1, Math.abs(dla.actual())),
                    "components plus biases reproduce the logit difference");
            assertEquals(2, dla.mlp().length);

            EdgePatchedForward f = new EdgePatchedForward(model, seqs.clean(), seqs.corrupted());
            Tensor clean = model.runWithHooks(seqs.clean(), List.of());
            Tensor corrupted = model.runWithHooks(seqs.corrupted(), List.of());
            assertTrue(maxDiff(clean, f.logits(Set.of())) < 1e-4, "no edge removed is the clean run");
            double all = maxDiff(corrupted, f.logits(new HashSet<>(CircuitGraph.of(model.config()).edges())));
            assertTrue(all < 2e-3, "every edge removed is the corrupted run (recomputed RMSNorms): " + all);

            CompositionScores s = CompositionScores.compute(HeadWeights.of(model.config(), weights),
                    model.config().dModel(), 1);
            for (CompositionKind k : CompositionKind.values()) {
                for (double[] row : s.matrix(k)) {
                    for (double v : row) {
                        assertTrue(Double.isFinite(v), k + " " + v);
                    }
                }
            }
        }
    }

    private static double maxDiff(Tensor a, Tensor b) {
        double m = 0;
        for (int i = 0; i < a.data().length; i++) {
            m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
        }
        return m;
    }
}
