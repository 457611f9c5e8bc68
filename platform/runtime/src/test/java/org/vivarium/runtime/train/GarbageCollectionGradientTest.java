package org.vivarium.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.runtime.TestModels;
import org.vivarium.runtime.hook.HookDispatcher;
import org.vivarium.runtime.lora.LoraAdapters;
import org.vivarium.runtime.lora.LoraConfig;
import org.vivarium.runtime.model.NextTokenLoss;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.model.TransformerForward;
import org.vivarium.runtime.nd.DjlEngine;
import org.vivarium.runtime.nd.Tensors;

/**
 * Gradients must not depend on when the JVM collects garbage. DJL's {@code NDArray.div(Number)} once let the
 * attention scale, the LoRA scale and hook constants be freed between the forward and the backward pass, so
 * training read freed memory: the layer-0 query/key gradients came out near zero or NaN at random steps (about
 * one step in 1,500 on a quiet machine; every step when a collection falls between forward and backward, as
 * here).
 */
class GarbageCollectionGradientTest {
    private static final ModelConfig CFG = TestModels.smallConfig();
    private static final int[][] TOKENS = TestModels.tokens(4, 12, CFG.dVocab(), 11);
    private static final int REPEATS = 6;
    private static NDManager root;

    @BeforeAll
    static void setUp() {
        root = DjlEngine.newManager();
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    @Test
    void fullModelGradientsWithAProjectOutHookSurviveACollectionBeforeBackward() {
        try (ParameterStore params = ParameterStore.initialise(CFG, 3, root)) {
            params.requireGradients(true);
            float[] dir = new float[CFG.dModel()];
            dir[0] = 1f;
            dir[5] = -0.5f;
            List<Hook> hooks = List.of(Hook.projectOut(HookName.residMid(0), dir));
            TransformerForward forward = new TransformerForward(CFG, params, null);
            assertStable(forward, params.all(), hooks, params::borrowInto);
        }
    }

    @Test
    void loraGradientsSurviveACollectionBeforeBackward() {
        try (ParameterStore params = ParameterStore.initialise(CFG, 3, root);
                LoraAdapters lora = LoraAdapters.initialise(CFG,
                        LoraConfig.of(2, 4f, "blocks.*.attn.W_*", "blocks.*.mlp.*"), 5, root)) {
            SplittableRandom r = new SplittableRandom(9);
            for (Map.Entry<String, NDArray> e : lora.all().entrySet()) {
                int[] shape = java.util.Arrays.stream(e.getValue().getShape().getShape()).mapToInt(v -> (int) v)
                        .toArray();
                float[] d = new float[(int) e.getValue().size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) r.nextDouble(-0.2, 0.2);
                }
                lora.set(e.getKey(), Tensor.of(d, shape));
            }
            lora.requireGradients(true);
            TransformerForward forward = new TransformerForward(CFG, params, lora);
            assertStable(forward, lora.all(), List.of(), m -> {
                params.borrowInto(m);
                lora.borrowInto(m);
            });
        }
    }

    private static void assertStable(TransformerForward forward, Map<String, NDArray> trainable, List<Hook> hooks,
            java.util.function.Consumer<NDManager> borrow) {
        Map<String, float[]> first = gradients(forward, trainable, hooks, borrow);
        assertTrue(first.values().stream().anyMatch(g -> maxAbs(g) > 0f), "the pass must produce gradients");
        for (int rep = 0; rep < REPEATS; rep++) {
            Map<String, float[]> again = gradients(forward, trainable, hooks, borrow);
            for (String name : first.keySet()) {
                assertArrayEquals(first.get(name), again.get(name), 0f,
                        "gradient of " + name + " changed after a garbage collection (repeat " + rep + ")");
            }
        }
    }

    private static Map<String, float[]> gradients(TransformerForward forward, Map<String, NDArray> trainable,
            List<Hook> hooks, java.util.function.Consumer<NDManager> borrow) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager m = root.newSubManager()) {
            borrow.accept(m);
            NDArray toks = Tensors.tokens(m, TOKENS, CFG.dVocab(), CFG.nCtx());
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = forward.logits(m, toks, new HookDispatcher(m, CFG, hooks, null, true, Map.of()));
                NDArray loss = NextTokenLoss.mean(logits, toks);
                List<ByteBuffer> reuse = collectAndReuseFreedBuffers();
                gc.backward(loss);
                assertTrue(reuse.size() > 0);
            }
            for (Map.Entry<String, NDArray> e : trainable.entrySet()) {
                NDArray g = e.getValue().getGradient();
                m.attachAll(g);
                out.put(e.getKey(), g.toFloatArray());
                g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
            }
        }
        return out;
    }

    /** Frees unreachable direct buffers, then fills small new ones with a poison value so freed memory is reused. */
    private static List<ByteBuffer> collectAndReuseFreedBuffers() {
        System.gc();
        List<ByteBuffer> held = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 + (i % 4) * 4);
            for (int j = 0; j + 4 <= b.capacity(); j += 4) {
                b.putFloat(j, 1e30f);
            }
            held.add(b);
        }
        return held;
    }

    private static float maxAbs(float[] a) {
        float m = 0f;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
