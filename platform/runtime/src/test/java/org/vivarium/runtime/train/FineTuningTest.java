package org.vivarium.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Normalization;
import org.vivarium.api.model.Positional;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;
import org.vivarium.runtime.TestModels;
import org.vivarium.runtime.lora.LoraAdapters;
import org.vivarium.runtime.lora.LoraConfig;
import org.vivarium.runtime.model.DjlModel;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.nd.DjlEngine;

/** LoRA-only training leaves the base untouched and learns; full fine-tuning starts from the given weights. */
class FineTuningTest {
    private static final ModelConfig CFG = new ModelConfig(1, 16, 2, 8, 32, 12, 12, ActFn.GELU, false,
            Normalization.PRE, Positional.LEARNED);
    private static final LoraConfig RANK1 = LoraConfig.of(1, 1f, "blocks.0.mlp.W_out");
    private static NDManager root;

    @BeforeAll
    static void setUp() {
        root = DjlEngine.newManager();
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    private static TrainerConfig cfg(int steps) {
        return new TrainerConfig(steps, 8, 3e-2f, 0.1f, 2, 0.01f, 0.9f, 0.99f, 1e-8f, 1.0f, 1, 0);
    }

    /** Trains a rank-1 adapter; returns the losses and checks the base is untouched. */
    private static List<Float> trainRank1(long loraSeed, int steps, float[][] bFinal) {
        List<Float> losses = new ArrayList<>();
        try (ParameterStore base = ParameterStore.initialise(CFG, 3, root);
                LoraAdapters lora = LoraAdapters.initialise(CFG, RANK1, loraSeed, root)) {
            Map<String, Tensor> before = base.toTensors();
            Trainer t = Trainer.lora(CFG, cfg(steps), base, lora);
            assertEquals(32 + 16, t.trainable().size(), "rank 1 on a 32x16 matrix: A 32x1 plus B 1x16");
            int baseArrays = base.managedArrayCount();
            FixedFollowerTask data = new FixedFollowerTask(5, 12, 10);
            t.run(1, 2, data, (s, loss, lr, n, tok) -> losses.add(loss), null);
            int loraArrays = lora.managedArrayCount();
            t.run(3, steps, data, (s, loss, lr, n, tok) -> losses.add(loss), null);
            assertEquals(baseArrays, base.managedArrayCount(), "LoRA training must not leak into the base store");
            assertEquals(loraArrays, lora.managedArrayCount(), "LoRA training steps must not leak native arrays");
            Map<String, Tensor> after = base.toTensors();
            before.forEach((name, w) -> {
                assertArrayEquals(w.data(), after.get(name).data(), 0f, name + " changed");
                assertFalse(base.get(name).hasGradient(), name + " should be frozen");
            });
            if (bFinal != null) {
                bFinal[0] = lora.toTensors().get("blocks.0.mlp.W_out.lora_B").data();
            }
        }
        return losses;
    }

    @Test
    void rank1AdapterLearnsWhileTheBaseStaysBitIdentical() {
        float[][] b = new float[1][];
        List<Float> losses = trainRank1(7, 40, b);
        float first = losses.get(0);
        float last = (losses.get(37) + losses.get(38) + losses.get(39)) / 3;
        assertTrue(first > 1.5f, "initial loss should be near chance, was " + first);
        assertTrue(last < first * 0.5f, "loss should at least halve: " + first + " -> " + last);
        float norm = 0;
        for (float v : b[0]) {
            norm += v * v;
        }
        assertTrue(norm > 0, "B starts at zero and must have moved");
    }

    @Test
    void loraTrainingIsRepeatableForASeed() {
        List<Float> a = trainRank1(2, 8, null);
        List<Float> b = trainRank1(2, 8, null);
        List<Float> c = trainRank1(3, 8, null);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(a.get(0), c.get(0), "B = 0 at the start, so the first loss is the base model's");
    }

    @Test
    void fullFineTuningStartsFromTheGivenWeightsAndTrainsAll() {
        Map<String, Tensor> pretrained;
        try (ParameterStore p = ParameterStore.initialise(CFG, 11, root)) {
            pretrained = p.toTensors();
        }
        FixedFollowerTask data = new FixedFollowerTask(9, 12, 10);
        Batch first = data.batch(1, 8);
        float baseLoss;
        try (DjlModel m = new DjlModel(CFG, ParameterStore.fromTensors(pretrained, root), new SymbolTokenizer(12),
                null)) {
            baseLoss = mean(m.loss(first.tokens(), List.of())); // equal-length rows: mean of row means
        }
        List<Float> losses = new ArrayList<>();
        try (ParameterStore p = ParameterStore.fromTensors(pretrained, root)) {
            Trainer t = Trainer.full(CFG, cfg(30), p);
            assertEquals(CFG.parameterCount(), t.trainable().size());
            t.run(1, 30, new UnmaskedTask(data), (s, loss, lr, n, tok) -> losses.add(loss), null);
            Map<String, Tensor> after = p.toTensors();
            pretrained.forEach((name, w) -> assertTrue(TestModels.maxDiff(w.data(), after.get(name).data()) > 0,
                    name + " should have been trained"));
        }
        assertEquals(baseLoss, losses.get(0), 1e-5f, "step 1 is evaluated on the given weights");
        assertTrue(losses.get(29) < losses.get(0) * 0.8f, "loss should fall: " + losses);
    }

    @Test
    void adaptersForAnotherArchitectureAreRefused() {
        ModelConfig wider = new ModelConfig(1, 16, 2, 8, 48, 12, 12, ActFn.GELU, false, Normalization.PRE,
                Positional.LEARNED);
        try (ParameterStore base = ParameterStore.initialise(CFG, 3, root);
                LoraAdapters lora = LoraAdapters.initialise(wider, RANK1, 1, root)) {
            VivariumException e = assertThrows(VivariumException.class,
                    () -> Trainer.lora(CFG, cfg(2), base, lora));
            assertTrue(e.getMessage().contains("blocks.0.mlp.W_out"), e.getMessage());
        }
    }

    private static float mean(float[] f) {
        double sum = 0;
        for (float v : f) {
            sum += v;
        }
        return (float) (sum / f.length);
    }

    /** The same sequences with every prediction counted, so the loss matches {@code Model.loss}. */
    private record UnmaskedTask(BatchSource inner) implements BatchSource {
        @Override
        public Batch batch(int step, int batchSize) {
            return Batch.of(inner.batch(step, batchSize).tokens());
        }

        @Override
        public String dataHash() {
            return inner.dataHash() + ":unmasked";
        }
    }
}
