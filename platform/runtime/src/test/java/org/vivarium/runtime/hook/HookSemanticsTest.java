package org.vivarium.runtime.hook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
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
import org.vivarium.runtime.model.DjlModel;
import org.vivarium.runtime.nd.DjlEngine;

/** Numerical checks that hooks read, patch, steer and ablate exactly what they claim to. */
class HookSemanticsTest {
    private static NDManager root;
    private static DjlModel model;
    private static DjlModel linearHead;
    private static final int[][] TOKENS = TestModels.tokens(3, 10, 20, 7);

    @BeforeAll
    static void setUp() {
        root = DjlEngine.newManager();
        model = TestModels.create(TestModels.smallConfig(), 1, root);
        // no final LayerNorm: the unembedding is linear in the last residual stream
        linearHead = TestModels.create(new ModelConfig(1, 16, 2, 8, 32, 20, 16, ActFn.RELU, false,
                Normalization.NONE, Positional.LEARNED), 2, root);
    }

    @AfterAll
    static void tearDown() {
        model.close();
        linearHead.close();
        root.close();
    }

    @Test
    void cachesEveryHookWithTransformerLensShapes() {
        RunResult r = model.runWithCache(TOKENS, HookFilter.ALL);
        assertEquals(model.hookNames().size(), r.activations().names().size());
        assertArrayEquals(new int[] {3, 10, 32}, r.activations().get("blocks.1.hook_resid_post").shape());
        assertArrayEquals(new int[] {3, 10, 4, 8}, r.activations().get("blocks.0.attn.hook_z").shape());
        assertArrayEquals(new int[] {3, 4, 10, 10}, r.activations().get("blocks.0.attn.hook_pattern").shape());
        assertArrayEquals(new int[] {3, 10, 64}, r.activations().get("blocks.1.mlp.hook_post").shape());
        assertArrayEquals(new int[] {3, 10, 20}, r.logits().shape());
    }

    @Test
    void patternIsCausalAndNormalised() {
        Tensor p = model.runWithCache(TOKENS, HookFilter.names("blocks.1.attn.hook_pattern")).activations()
                .get("blocks.1.attn.hook_pattern");
        for (int b = 0; b < 3; b++) {
            for (int h = 0; h < 4; h++) {
                for (int q = 0; q < 10; q++) {
                    float sum = 0;
                    for (int k = 0; k < 10; k++) {
                        float v = p.get(b, h, q, k);
                        if (k > q) {
                            assertEquals(0f, v, 0f, "attention to a future key");
                        }
                        sum += v;
                    }
                    assertEquals(1f, sum, 1e-5f);
                }
            }
        }
    }

    @Test
    void patchingACleanRunIntoItselfChangesNothing() {
        RunResult clean = model.runWithCache(TOKENS, HookFilter.ALL);
        List<Hook> patches = new ArrayList<>();
        for (HookName h : model.hookNames()) {
            patches.add(Hook.replace(h, clean.activations().get(h)));
        }
        Tensor patched = model.runWithHooks(TOKENS, patches);
        assertTrue(TestModels.maxDiff(clean.logits().data(), patched.data()) < 1e-5f);
    }

    @Test
    void patchingFromAnotherRunMovesOutputsToThatRun() {
        int[][] other = TestModels.tokens(3, 10, 20, 99);
        RunResult corrupt = model.runWithCache(other, HookFilter.names("blocks.1.hook_resid_post"));
        Tensor clean = model.runWithHooks(TOKENS, List.of());
        Tensor patched = model.runWithHooks(TOKENS,
                List.of(Hook.replace(HookName.residPost(1), corrupt.activations().get("blocks.1.hook_resid_post"))));
        // the final residual stream determines the logits completely
        assertTrue(TestModels.maxDiff(corrupt.logits().data(), patched.data()) < 1e-4f);
        assertTrue(TestModels.maxDiff(clean.data(), patched.data()) > 1e-2f);
    }

    @Test
    void headAblationChangesOnlyLaterPositionsAndOnlyThatHead() {
        Tensor clean = model.runWithHooks(TOKENS, List.of());
        Hook ko = Hook.zeroAblate(HookName.attn(0, "z")).onHeads(2).atPositions(5, 6, 7, 8, 9);
        RunResult r = model.run(TOKENS, List.of(ko), HookFilter.names("blocks.0.attn.hook_z"));
        Tensor z = r.activations().get("blocks.0.attn.hook_z");
        for (int b = 0; b < 3; b++) {
            for (int p = 5; p < 10; p++) {
                for (int e = 0; e < 8; e++) {
                    assertEquals(0f, z.get(b, p, 2, e), 0f);
                }
                assertTrue(Math.abs(z.get(b, p, 1, 0)) + Math.abs(z.get(b, p, 1, 1)) > 0f, "other heads intact");
            }
        }
        float before = 0;
        float after = 0;
        for (int b = 0; b < 3; b++) {
            for (int p = 0; p < 10; p++) {
                for (int v = 0; v < 20; v++) {
                    float d = Math.abs(clean.get(b, p, v) - r.logits().get(b, p, v));
                    if (p < 5) {
                        before = Math.max(before, d);
                    } else {
                        after = Math.max(after, d);
                    }
                }
            }
        }
        assertEquals(0f, before, 1e-5f, "positions before the ablation must not change");
        assertTrue(after > 1e-3f, "ablating a head must change later logits, changed by " + after);
    }

    @Test
    void steeringAddsExactlyTheDirectionThroughTheUnembedding() {
        float[] dir = new float[16];
        dir[3] = 1f;
        dir[7] = -2f;
        Tensor clean = linearHead.runWithHooks(TOKENS, List.of());
        Tensor steered = linearHead.runWithHooks(TOKENS,
                List.of(Hook.add(HookName.residPost(0), dir, 2.5f).atPositions(-1)));
        Tensor wu = linearHead.weights().get("unembed.W_U");
        for (int b = 0; b < 3; b++) {
            for (int p = 0; p < 10; p++) {
                for (int v = 0; v < 20; v++) {
                    float expected = p == 9 ? 2.5f * (dir[3] * wu.get(3, v) + dir[7] * wu.get(7, v)) : 0f;
                    assertEquals(expected, steered.get(b, p, v) - clean.get(b, p, v), 1e-4f);
                }
            }
        }
    }

    @Test
    void projectingOutADirectionLeavesNoComponent() {
        float[] dir = new float[32];
        for (int i = 0; i < 32; i++) {
            dir[i] = (float) Math.sin(i + 1);
        }
        Tensor x = model.run(TOKENS, List.of(Hook.projectOut(HookName.residMid(1), dir)),
                HookFilter.names("blocks.1.hook_resid_mid")).activations().get("blocks.1.hook_resid_mid");
        for (int b = 0; b < 3; b++) {
            for (int p = 0; p < 10; p++) {
                float[] row = x.row(b, p);
                float dot = 0;
                for (int i = 0; i < 32; i++) {
                    dot += row[i] * dir[i];
                }
                assertEquals(0f, dot, 1e-4f);
            }
        }
    }

    @Test
    void meanAblationReplacesWithTheBatchAndPositionMean() {
        String name = "blocks.0.hook_attn_out";
        Tensor clean = model.runWithCache(TOKENS, HookFilter.names(name)).activations().get(name);
        Tensor ablated = model.run(TOKENS, List.of(Hook.meanAblate(HookName.attnOut(0))), HookFilter.names(name))
                .activations().get(name);
        for (int d = 0; d < 32; d++) {
            float mean = 0;
            for (int b = 0; b < 3; b++) {
                for (int p = 0; p < 10; p++) {
                    mean += clean.get(b, p, d);
                }
            }
            mean /= 30;
            assertEquals(mean, ablated.get(1, 4, d), 1e-5f);
        }
    }

    @Test
    void customHookFunctionsSeeAndChangeTheActivation() {
        int[] seen = new int[1];
        Tensor out = model.runWithHooks(TOKENS, List.of(Hook.apply(HookName.residPre(1), (n, t) -> {
            seen[0] = t.numel();
            return Tensor.zeros(t.shape());
        })));
        assertEquals(3 * 10 * 32, seen[0]);
        Tensor viaZero = model.runWithHooks(TOKENS, List.of(Hook.zeroAblate(HookName.residPre(1))));
        assertTrue(TestModels.maxDiff(out.data(), viaZero.data()) < 1e-5f);
    }

    @Test
    void runsDoNotLeakNativeArraysIntoTheModel() {
        model.runWithCache(TOKENS, HookFilter.ALL);
        int before = model.parameters().managedArrayCount();
        for (int i = 0; i < 5; i++) {
            model.run(TOKENS, List.of(Hook.meanAblate(HookName.attnOut(0)).atPositions(1, 2)), HookFilter.ALL);
            model.loss(TOKENS, List.of());
        }
        assertEquals(before, model.parameters().managedArrayCount());
    }

    @Test
    void badHooksFailWithOneClearLine() {
        VivariumException e = assertThrows(VivariumException.class, () -> model.runWithHooks(TOKENS,
                List.of(Hook.zeroAblate(new HookName("blocks.7.hook_resid_post")))));
        assertTrue(e.getMessage().contains("blocks.{0..1}.hook_resid_post"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hook.zeroAblate(HookName.residPost(0)).onHeads(1));
        VivariumException shape = assertThrows(VivariumException.class, () -> model.runWithHooks(TOKENS,
                List.of(Hook.add(HookName.residPost(0), new float[5], 1f))));
        assertTrue(shape.getMessage().contains("width 32"), shape.getMessage());
        VivariumException pos = assertThrows(VivariumException.class, () -> model.runWithHooks(TOKENS,
                List.of(Hook.zeroAblate(HookName.residPost(0)).atPositions(10))));
        assertTrue(pos.getMessage().contains("0..9"), pos.getMessage());
        VivariumException tok = assertThrows(VivariumException.class,
                () -> model.runWithHooks(new int[][] {{1, 2, 99}}, List.of()));
        assertTrue(tok.getMessage().contains("outside the vocabulary"), tok.getMessage());
    }
}
