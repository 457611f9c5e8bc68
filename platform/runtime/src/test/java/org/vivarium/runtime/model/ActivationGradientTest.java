package org.vivarium.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.GradientResult;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.LogitGradient;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.runtime.TestModels;
import org.vivarium.runtime.nd.DjlEngine;

/**
 * {@code runWithGradients} on a tiny random-weight model (2 layers with MLPs, pre-LN, GELU): the gradient at a
 * hook point matches a central finite difference of the metric along a random direction, taken by replacing
 * the activation through an ordinary hook; so the gradient includes every path after the hook (attention,
 * LayerNorm, MLP), not just the residual one.
 */
class ActivationGradientTest {
    private static final int[][] TOKENS = TestModels.tokens(2, 8, 20, 3);
    private static NDManager root;
    private static DjlModel model;
    private static float[] weights;

    @BeforeAll
    static void setUp() {
        root = DjlEngine.newManager();
        model = TestModels.create(TestModels.smallConfig(), 5, root);
        SplittableRandom r = new SplittableRandom(11);
        weights = new float[2 * 8 * 20];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) r.nextGaussian();
        }
    }

    @AfterAll
    static void tearDown() {
        model.close();
        root.close();
    }

    /** The metric {@code sum(w * logits)} with fixed random {@code w}: its logit gradient is {@code w}. */
    private static double metric(Tensor logits) {
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += (double) weights[i] * logits.data()[i];
        }
        return s;
    }

    private static final LogitGradient GRADIENT = logits -> Tensor.of(weights.clone(), logits.shape());

    @ParameterizedTest
    @ValueSource(strings = {"blocks.0.hook_resid_pre", "blocks.0.attn.hook_z", "blocks.0.attn.hook_pattern",
        "blocks.0.attn.hook_k", "blocks.1.hook_mlp_out", "blocks.1.mlp.hook_pre"})
    void gradientMatchesAFiniteDifference(String hook) {
        GradientResult g = model.runWithGradients(TOKENS, List.of(), HookFilter.names(hook), GRADIENT);
        Tensor a = g.activations().get(hook);
        Tensor grad = g.gradients().get(hook);
        assertArrayEquals(a.shape(), grad.shape());
        SplittableRandom r = new SplittableRandom(hook.hashCode());
        float[] u = new float[a.numel()];
        double analytic = 0;
        for (int i = 0; i < u.length; i++) {
            u[i] = (float) r.nextGaussian();
            analytic += (double) u[i] * grad.data()[i];
        }
        float eps = 1e-2f;
        double numeric = (shifted(hook, a, u, eps) - shifted(hook, a, u, -eps)) / (2 * eps);
        assertTrue(Math.abs(analytic) > 1e-3, hook + ": a gradient of zero tests nothing: " + analytic);
        assertEquals(numeric, analytic, 0.02 * Math.abs(numeric) + 1e-3, hook);
    }

    private double shifted(String hook, Tensor a, float[] u, float eps) {
        float[] x = a.data().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] += eps * u[i];
        }
        Hook replace = Hook.replace(HookName.parse(hook, model.config()), Tensor.of(x, a.shape()));
        return metric(model.runWithHooks(TOKENS, List.of(replace)));
    }

    @Test
    void returnsTheRunsLogitsAndActivationsAndOneGradientPerSelectedHook() {
        HookFilter at = HookFilter.glob("blocks.*.hook_attn_out");
        GradientResult g = model.runWithGradients(TOKENS, List.of(), at, GRADIENT);
        RunResult plain = model.run(TOKENS, List.of(), at);
        assertArrayEquals(plain.logits().data(), g.logits().data(), 1e-5f);
        assertEquals(List.of("blocks.0.hook_attn_out", "blocks.1.hook_attn_out"),
                List.copyOf(g.gradients().names()));
        assertArrayEquals(plain.activations().get("blocks.1.hook_attn_out").data(),
                g.activations().get("blocks.1.hook_attn_out").data(), 1e-5f);
    }

    @Test
    void gradientIsTakenAfterTheHooks() {
        // zero-ablating the MLP input cuts the MLP: nothing downstream of mlp.hook_pre depends on it,
        // but the gradient at hook_post (after the ablated pre) still flows to the logits
        HookName pre = HookName.block(1, "mlp.hook_pre");
        GradientResult g = model.runWithGradients(TOKENS, List.of(Hook.zeroAblate(HookName.block(1, "mlp.hook_post"))),
                HookFilter.names(pre.path(), "blocks.1.mlp.hook_post"), GRADIENT);
        assertEquals(0.0, maxAbs(g.gradients().get(pre)), 0.0, "no path from an input of a zeroed output");
        assertTrue(maxAbs(g.gradients().get("blocks.1.mlp.hook_post")) > 1e-3);
    }

    @Test
    void refusesAGradientOfTheWrongShape() {
        VivariumException e = assertThrows(VivariumException.class, () -> model.runWithGradients(TOKENS, List.of(),
                HookFilter.names("blocks.0.hook_resid_pre"), logits -> Tensor.zeros(2, 8)));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }

    private static double maxAbs(Tensor t) {
        double m = 0;
        for (float v : t.data()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
