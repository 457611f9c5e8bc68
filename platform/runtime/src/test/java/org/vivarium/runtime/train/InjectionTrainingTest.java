package org.vivarium.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;
import org.vivarium.runtime.TestModels;
import org.vivarium.runtime.model.DjlModel;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.nd.DjlEngine;

/**
 * A training-time injection is the same addition as {@code Hook.add(...).atPositions(p)} at inference, applied to
 * its own batch row only, and it changes the loss.
 */
class InjectionTrainingTest {
    private static final ModelConfig CFG = TestModels.smallConfig();
    private static final String SITE = "blocks.0.hook_resid_post";
    private static NDManager root;

    @BeforeAll
    static void setUp() {
        root = DjlEngine.newManager();
    }

    @AfterAll
    static void tearDown() {
        root.close();
    }

    /** Loss of the first step (computed before any update) of a fresh model trained on one fixed batch. */
    private static float firstStepLoss(Batch batch) {
        List<Float> losses = new ArrayList<>();
        try (ParameterStore p = ParameterStore.initialise(CFG, 7, root)) {
            Trainer t = Trainer.full(CFG, new TrainerConfig(1, 2, 1e-3f, 0.1f, 0, 0f, 0.9f, 0.99f, 1e-8f, 1f, 1, 0), p);
            t.run(1, 1, new FixedBatch(batch), (s, loss, lr, n, tok) -> losses.add(loss), null);
        }
        return losses.get(0);
    }

    /** Mean loss of one row under the model that the trainer starts from, with optional inference hooks. */
    private static float inferenceLoss(int[] row, List<Hook> hooks) {
        Provenance prov = new Provenance("checkpoint", "test/random", Map.of(), 7, "", "test", "", "now", Map.of());
        try (DjlModel m = new DjlModel(CFG, ParameterStore.initialise(CFG, 7, root), new SymbolTokenizer(CFG.dVocab()),
                prov)) {
            return m.loss(new int[][] {row}, hooks)[0];
        }
    }

    @Test
    void anInjectedRowTrainsOnTheSameForwardPassAsHookAddAtInference() {
        int[][] tokens = TestModels.tokens(2, 12, CFG.dVocab(), 3);
        SplittableRandom r = new SplittableRandom(1);
        float[] v = new float[CFG.dModel()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1); // |v| ~ 3: moves the loss well beyond float noise
        }
        Hook same = Hook.add(new HookName(SITE), v, 1f).atPositions(4);

        float plain = firstStepLoss(new Batch(tokens, null));
        float injected = firstStepLoss(new Batch(tokens, null, List.of(new RowInjection(0, SITE, 4, v))));

        float row0Plain = inferenceLoss(tokens[0], List.of());
        float row0Hooked = inferenceLoss(tokens[0], List.of(same));
        float row1Plain = inferenceLoss(tokens[1], List.of());
        assertEquals((row0Plain + row1Plain) / 2, plain, 1e-4, "rows of equal length: the batch loss is the row mean");
        assertEquals((row0Hooked + row1Plain) / 2, injected, 1e-4,
                "row 0 gets Hook.add at position 4, row 1 is untouched");
        assertTrue(Math.abs(injected - plain) > 0.01, "the injection must change the loss: " + plain + " vs " + injected);
    }

    @Test
    void injectionsAtTheSamePlaceAddUp() {
        int[][] tokens = TestModels.tokens(1, 10, CFG.dVocab(), 4);
        float[] v = new float[CFG.dModel()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 3 - 1) * 2f;
        }
        float[] twice = v.clone();
        for (int i = 0; i < twice.length; i++) {
            twice[i] *= 2;
        }
        float split = firstStepLoss(new Batch(tokens, null,
                List.of(new RowInjection(0, SITE, 2, v), new RowInjection(0, SITE, 2, v))));
        float once = firstStepLoss(new Batch(tokens, null, List.of(new RowInjection(0, SITE, 2, twice))));
        assertEquals(once, split, 1e-5);
    }

    @Test
    void badInjectionsFailWithOneClearLine() {
        int[][] tokens = TestModels.tokens(1, 6, CFG.dVocab(), 5);
        VivariumException width = assertThrows(VivariumException.class, () -> firstStepLoss(
                new Batch(tokens, null, List.of(new RowInjection(0, SITE, 1, new float[3])))));
        assertTrue(width.getMessage().contains("width " + CFG.dModel()), width.getMessage());
        VivariumException heads = assertThrows(VivariumException.class, () -> firstStepLoss(
                new Batch(tokens, null, List.of(new RowInjection(0, "blocks.0.attn.hook_z", 1, new float[8])))));
        assertTrue(heads.getMessage().contains("head axis"), heads.getMessage());
        VivariumException pos = assertThrows(VivariumException.class,
                () -> new Batch(tokens, null, List.of(new RowInjection(0, SITE, 6, new float[CFG.dModel()]))));
        assertTrue(pos.getMessage().contains("position 6"), pos.getMessage());
        assertEquals(CFG.dMlp(), InjectionSites.width(CFG, "blocks.1.mlp.hook_post"));
    }

    /** Serves the same batch at every step. */
    private record FixedBatch(Batch batch) implements BatchSource {
        @Override
        public Batch batch(int step, int batchSize) {
            return batch;
        }

        @Override
        public String dataHash() {
            return "fixed";
        }
    }
}
