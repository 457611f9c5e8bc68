package org.vivarium.runtime.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.adapter.Adapter;
import org.vivarium.checkpoint.adapter.AdapterMerge;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;
import org.vivarium.runtime.TestModels;
import org.vivarium.runtime.model.DjlModel;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.nd.DjlEngine;

/** The adapted forward pass: exact identity at B = 0, and equal to a hand-merged model otherwise. */
class LoraForwardTest {
    private static final ModelConfig CFG = TestModels.smallConfig();
    private static final int[][] TOKENS = TestModels.tokens(3, 10, 20, 7);
    private static final LoraConfig ALL = LoraConfig.of(2, 4f, "blocks.*.attn.W_*", "blocks.*.mlp.*");
    private static NDManager root;
    private static DjlModel base;

    @BeforeAll
    static void setUp() {
        root = DjlEngine.newManager();
        base = TestModels.create(CFG, 1, root);
    }

    @AfterAll
    static void tearDown() {
        base.close();
        root.close();
    }

    private static DjlModel adapted(LoraAdapters lora) {
        return new DjlModel(CFG, ParameterStore.initialise(CFG, 1, root), lora, new SymbolTokenizer(CFG.dVocab()),
                base.provenance());
    }

    /** Fills every A and B with values uniform in [-0.2, 0.2). */
    static void randomise(LoraAdapters lora, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        lora.all().forEach((name, x) -> {
            int[] shape = Arrays.stream(x.getShape().getShape()).mapToInt(v -> (int) v).toArray();
            float[] d = new float[(int) x.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) (r.nextDouble(-0.2, 0.2));
            }
            lora.set(name, Tensor.of(d, shape));
        });
    }

    @Test
    void zeroBLeavesTheModelBitIdentical() {
        try (DjlModel m = adapted(LoraAdapters.initialise(CFG, ALL, 5, root))) {
            assertEquals(12, ((LoraAdapters) m.deltas()).targets().size());
            assertArrayEquals(logits(base), logits(m), 0f);
            assertArrayEquals(base.loss(TOKENS, List.of()), m.loss(TOKENS, List.of()), 0f);
            GenerationOptions g = new GenerationOptions(5, 1f, 0, 3);
            int[] prompt = {1, 2};
            assertArrayEquals(base.generate(prompt, g, List.of()), m.generate(prompt, g, List.of()));
            Map<String, Tensor> w = m.weights();
            base.weights().forEach((name, t) -> assertArrayEquals(t.data(), w.get(name).data(), 0f, name));
        }
    }

    @Test
    void handSetAdaptersEqualAHandMergedModel() {
        LoraAdapters lora = LoraAdapters.initialise(CFG, ALL, 5, root);
        randomise(lora, 9);
        Adapter adapter = lora.toAdapter("");
        Map<String, Tensor> merged = AdapterMerge.merge(base.weights(), adapter);
        try (DjlModel live = adapted(lora);
                DjlModel hand = new DjlModel(CFG, ParameterStore.fromTensors(merged, root),
                        new SymbolTokenizer(CFG.dVocab()), base.provenance())) {
            int arrays = lora.managedArrayCount();
            float[] a = logits(live);
            float[] b = logits(hand);
            assertEquals(arrays, lora.managedArrayCount(), "a forward pass must not leak adapter arrays");
            assertTrue(TestModels.maxDiff(a, b) < 1e-4f, "live vs merged logits differ by " + TestModels.maxDiff(a, b));
            float effect = TestModels.maxDiff(a, logits(base));
            assertTrue(effect > 0.05f, "the adapters should change the logits, max change " + effect);
            Map<String, Tensor> w = live.weights();
            merged.forEach((name, t) -> assertTrue(TestModels.maxDiff(t.data(), w.get(name).data()) < 1e-5f, name));
            assertArrayEquals(base.weights().get("blocks.0.mlp.W_in").data(),
                    live.parameters().toTensors().get("blocks.0.mlp.W_in").data(), 0f, "base stays unmerged");
        }
    }

    @Test
    void deltaWeightsExposeScaledOuterProducts() {
        try (LoraAdapters lora = LoraAdapters.initialise(CFG, LoraConfig.of(1, 3f, "blocks.1.mlp.W_out"), 2, root)) {
            randomise(lora, 4);
            DeltaWeights dw = DeltaWeights.of(lora);
            assertEquals(List.of("blocks.1.mlp.W_out"), dw.targets());
            double[] in = dw.inputDirections("blocks.1.mlp.W_out")[0];
            double[] out = dw.outputDirections("blocks.1.mlp.W_out")[0];
            assertEquals(64, in.length);
            assertEquals(32, out.length);
            double[][] m = dw.matrix("blocks.1.mlp.W_out");
            for (int i = 0; i < 64; i += 7) {
                for (int j = 0; j < 32; j += 5) {
                    assertEquals(3.0 * in[i] * out[j], m[i][j], 1e-6);
                }
            }
            assertArrayEquals(new int[] {64, 32}, dw.tensor("blocks.1.mlp.W_out").shape());
            assertEquals((float) m[3][4], dw.tensor("blocks.1.mlp.W_out").get(3, 4), 0f);
        }
    }

    @Test
    void badSettingsAreExplained() {
        VivariumException bad = assertThrows(VivariumException.class, () -> LoraConfig.of(0, -1f, "x"));
        assertTrue(bad.getMessage().contains("rank=0") && bad.getMessage().contains("alpha=-1.0"), bad.getMessage());
        VivariumException target = assertThrows(VivariumException.class,
                () -> LoraAdapters.initialise(CFG, LoraConfig.of(1, 1f, "blocks.*.mlp.W_gate"), 1, root));
        assertTrue(target.getMessage().contains("blocks.L.{attn.W_Q"), target.getMessage());
        try (LoraAdapters lora = LoraAdapters.initialise(CFG, LoraConfig.of(1, 1f, "blocks.0.mlp.W_in"), 1, root)) {
            assertThrows(VivariumException.class, () -> lora.set("blocks.0.mlp.W_in.lora_A", Tensor.zeros(1, 32)));
            ModelConfig other = new ModelConfig(2, 16, 2, 8, 64, 20, 16, CFG.actFn(), false, CFG.normalization(),
                    CFG.positional());
            assertThrows(VivariumException.class, () -> lora.requireFits(other));
        }
    }

    private static float[] logits(DjlModel m) {
        return m.runWithHooks(TOKENS, List.of()).data();
    }
}
