package org.vivarium.plugin.discovery.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.HookOp;
import org.vivarium.api.model.Model;
import org.vivarium.api.train.AdapterSpec;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.FineTuneResult;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.testkit.QuietTraining;
import org.vivarium.testkit.TestLinearAlgebra;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.TinyCheckpoint;

/**
 * Weight-space interpolation on a real fine-tune: a tiny model gets a rank-1 LoRA on {@code blocks.1.mlp.W_out}
 * through the platform fine-tuner; the hooked base model at {@code alpha = 1} computes the tuned model's logits, at
 * {@code alpha = 0.5} something strictly between, and a difference elsewhere is reported as not interpolated.
 */
class WeightDiffHooksTest {
    private static final String CORPUS = "the cat sat on the mat. a dog ran in the fog.";

    @TempDir
    Path tmp;

    /** A test body given the base and the tuned model and their difference. */
    private interface WithModels {
        void run(Model base, Model tuned, WeightDiffHooks diff);
    }

    /** Tunes a LoRA on {@code target} of the tiny base model and runs {@code body} on both models. */
    private void withTuned(String target, WithModels body) {
        Path base = TinyCheckpoint.over(CORPUS).seed(4).writeTo(tmp.resolve("base"));
        FineTuneResult r = tune(base, target);
        try (Model b = TestRuntime.shared().load(base); Model a = TestRuntime.shared().load(r.checkpoint())) {
            body.run(b, a, WeightDiffHooks.of(a, b, TestLinearAlgebra.shared()));
        }
    }

    private FineTuneResult tune(Path base, String target) {
        List<TrainingExample> ex = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ex.add(new TrainingExample("the cat " + i, " ran in the fog"));
        }
        return TestRuntime.shared().fineTuner().fineTune(new FineTuneRequest(base, ex, AdapterSpec.lora(1, 1,
                List.of(target)), 10, 8, 0.05, 3L, tmp.resolve("tuned-" + target), "test/weight-diff"),
                QuietTraining.INSTANCE);
    }

    @Test
    void theHookedBaseAtAlphaOneIsTheTunedModel() {
        withTuned("blocks.1.mlp.W_out", (b, a, diff) -> {
            assertEquals(List.of("blocks.1.mlp.W_out"), diff.changed(), diff.describe());
            assertTrue(diff.unsupported().isEmpty(), diff.describe());
            int[][] toks = {b.tokenizer().encode("the cat sat on the mat")};
            float[] base0 = b.runWithHooks(toks, List.of()).data();
            float[] tuned = a.runWithHooks(toks, List.of()).data();
            float[] one = b.runWithHooks(toks, diff.hooks(1f)).data();
            float[] half = b.runWithHooks(toks, diff.hooks(0.5f)).data();
            float moved = maxDiff(base0, tuned);
            assertTrue(moved > 1e-3f, "the fine-tune should move the logits; max change " + moved);
            assertTrue(maxDiff(one, tuned) < 1e-4f * Math.max(1f, moved),
                    "alpha 1 should be the tuned model; off by " + maxDiff(one, tuned) + " of " + moved);
            float toBase = maxDiff(half, base0);
            float toTuned = maxDiff(half, tuned);
            assertTrue(toBase > 0.2f * moved && toTuned > 0.2f * moved,
                    "alpha 0.5 should lie between: " + toBase + " from base, " + toTuned + " from tuned, of " + moved);
        });
    }

    /**
     * The hooks are declared per position, so batched generation keeps batching with them; several prompts of
     * different lengths decoded greedily by the hooked base at alpha 1 give the tuned model's answers.
     */
    @Test
    void batchedGenerationWithTheHooksGivesTheTunedModelsAnswers() {
        withTuned("blocks.1.mlp.W_out", (b, a, diff) -> {
            assertTrue(diff.hooks(1f).stream().allMatch(h -> h.op() instanceof HookOp.Apply ap && ap.perPosition()),
                    "the hooks should be declared per position");
            List<int[]> prompts = new ArrayList<>();
            for (String p : List.of("the cat", "a dog ran", "the mat. a", "fog")) {
                prompts.add(b.tokenizer().encode(p));
            }
            GenerationOptions greedy = new GenerationOptions(12, 0f, 0, 1L);
            List<int[]> tuned = a.generateAll(prompts, greedy, List.of());
            List<int[]> hooked = b.generateAll(prompts, greedy, diff.hooks(1f));
            List<int[]> plain = b.generateAll(prompts, greedy, List.of());
            for (int i = 0; i < prompts.size(); i++) {
                assertArrayEquals(tuned.get(i), hooked.get(i), "prompt " + i);
            }
            assertTrue(java.util.stream.IntStream.range(0, prompts.size())
                    .anyMatch(i -> !java.util.Arrays.equals(tuned.get(i), plain.get(i))),
                    "the fine-tune should change some greedy answer, or the comparison shows nothing");
        });
    }

    @Test
    void aDifferenceBeforeTheNonlinearityIsReportedNotInterpolated() {
        withTuned("blocks.0.mlp.W_in", (b, a, diff) -> {
            assertEquals(List.of("blocks.0.mlp.W_in"), diff.unsupported(), diff.describe());
            assertTrue(diff.changed().isEmpty(), diff.describe());
            assertTrue(diff.describe().contains("not interpolated"), diff.describe());
        });
    }

    private static float maxDiff(float[] x, float[] y) {
        float m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(x[i] - y[i]));
        }
        return m;
    }
}
