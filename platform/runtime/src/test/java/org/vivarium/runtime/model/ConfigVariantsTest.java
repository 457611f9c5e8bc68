package org.vivarium.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.runtime.TestModels;
import org.vivarium.runtime.nd.DjlEngine;

/**
 * Every architecture option (pre/post/no LayerNorm, learned/rotary positions, MLP or attention-only,
 * each activation) runs, is causal, exposes exactly its hook points, and patches to itself exactly.
 */
class ConfigVariantsTest {

    @ParameterizedTest
    @CsvSource({"PRE,LEARNED,false,GELU", "POST,LEARNED,false,RELU", "NONE,ROTARY,false,SILU",
            "PRE,ROTARY,true,GELU", "POST,ROTARY,true,GELU"})
    void variantRunsCausallyAndPatchesToItself(Normalization norm, Positional pos, boolean attnOnly, ActFn act) {
        ModelConfig cfg = new ModelConfig(2, 16, 2, 8, 32, 12, 10, act, attnOnly, norm, pos);
        try (NDManager root = DjlEngine.newManager(); DjlModel m = TestModels.create(cfg, 3, root)) {
            int[][] a = {{1, 2, 3, 4, 5, 6}};
            int[][] b = {{1, 2, 3, 4, 5, 9}};
            Tensor la = m.runWithHooks(a, List.of());
            Tensor lb = m.runWithHooks(b, List.of());
            for (int p = 0; p < 5; p++) {
                assertArrayEquals(la.row(0, p), lb.row(0, p), 1e-5f, "position " + p + " saw the future");
            }
            assertTrue(TestModels.maxDiff(la.row(0, 5), lb.row(0, 5)) > 0, "the last position must see its token");

            RunResult clean = m.runWithCache(a, HookFilter.ALL);
            assertEquals(HookName.allFor(cfg).size(), clean.activations().names().size());
            List<Hook> patches = new ArrayList<>();
            for (HookName h : m.hookNames()) {
                patches.add(Hook.replace(h, clean.activations().get(h)));
            }
            assertTrue(TestModels.maxDiff(clean.logits().data(), m.runWithHooks(a, patches).data()) < 1e-5f);
        }
    }

    @ParameterizedTest
    @CsvSource({"ROTARY", "LEARNED"})
    void rotaryScoresDependOnlyOnRelativePosition(Positional pos) {
        ModelConfig cfg = new ModelConfig(1, 16, 2, 8, 32, 12, 10, ActFn.GELU, false, Normalization.PRE, pos);
        try (NDManager root = DjlEngine.newManager(); DjlModel m = TestModels.create(cfg, 5, root)) {
            Tensor s = m.runWithCache(new int[][] {{7, 7, 7, 7, 7, 7}}, HookFilter.names("blocks.0.attn.hook_attn_scores"))
                    .activations().get("blocks.0.attn.hook_attn_scores");
            float shift = 0;
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j <= i; j++) {
                    shift = Math.max(shift, Math.abs(s.get(0, 0, i, j) - s.get(0, 0, i + 1, j + 1)));
                }
            }
            if (pos == Positional.ROTARY) {
                assertTrue(shift < 1e-4f, "rotary scores must be translation invariant, differ by " + shift);
            } else {
                assertTrue(shift > 1e-4f, "learned positions make scores depend on absolute position");
            }
        }
    }
}
