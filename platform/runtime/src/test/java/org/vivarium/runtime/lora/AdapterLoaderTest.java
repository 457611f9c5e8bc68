package org.vivarium.runtime.lora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.adapter.Adapter;
import org.vivarium.checkpoint.adapter.AdapterIO;
import org.vivarium.checkpoint.adapter.AdapterMerge;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.TestModels;
import org.vivarium.runtime.model.DjlModel;

/** Base checkpoint + adapter on disk load into models that compute what the in-memory adapted model computes. */
class AdapterLoaderTest {
    private static final ModelConfig CFG = TestModels.smallConfig();
    private static final int[][] TOKENS = TestModels.tokens(2, 8, 20, 3);

    @TempDir
    Path tmp;

    @Test
    void mergedAndLiveLoadsAgreeWithTheInMemoryModel() {
        Path ck = tmp.resolve("em");
        try (DjlModelRuntime rt = new DjlModelRuntime()) {
            float[] expected;
            try (DjlModel base = TestModels.create(CFG, 4, rt.manager())) {
                CheckpointIO.write(ck, new Checkpoint(CFG, base.weights(), base.tokenizer(), base.provenance()));
                String hash = CheckpointIO.contentHash(ck);
                try (LoraAdapters lora = LoraAdapters.initialise(CFG, LoraConfig.of(1, 2f, "blocks.0.mlp.W_out",
                        "blocks.1.attn.W_V"), 8, rt.manager())) {
                    LoraForwardTest.randomise(lora, 5);
                    Adapter a = lora.toAdapter(hash);
                    AdapterIO.write(ck, a);
                    try (DjlModel hand = rt.fromCheckpoint(AdapterMerge.merge(CheckpointIO.read(ck), a,
                            base.provenance()))) {
                        expected = logits(hand);
                    }
                }
                assertTrue(TestModels.maxDiff(expected, logits(base)) > 0.01f);
            }
            try (DjlModel merged = rt.load(ck, ck);
                    DjlModel live = AdapterLoader.live(ck, ck, rt.manager())) {
                assertEquals(0f, TestModels.maxDiff(expected, logits(merged)));
                assertTrue(TestModels.maxDiff(expected, logits(live)) < 1e-4f);
                assertInstanceOf(LoraAdapters.class, live.deltas());
                assertEquals(CheckpointIO.contentHash(ck), merged.provenance().parent());
                assertEquals("1", merged.provenance().settings().get("lora.rank"));
                assertTrue(merged.provenance().settings().get("lora.adapter").startsWith("sha256:"));
            }
        }
    }

    @Test
    void anAdapterTrainedOnAnotherBaseIsRefused() {
        Path ck = tmp.resolve("base");
        Path ad = tmp.resolve("adapter");
        try (DjlModelRuntime rt = new DjlModelRuntime()) {
            try (DjlModel base = TestModels.create(CFG, 4, rt.manager());
                    LoraAdapters lora = LoraAdapters.initialise(CFG, LoraConfig.of(1, 1f, "blocks.0.mlp.W_in"), 1,
                            rt.manager())) {
                CheckpointIO.write(ck, new Checkpoint(CFG, base.weights(), base.tokenizer(), base.provenance()));
                AdapterIO.write(ad, lora.toAdapter("sha256:0123"));
            }
            VivariumException e = assertThrows(VivariumException.class, () -> rt.load(ck, ad));
            assertTrue(e.getMessage().contains("sha256:0123"), e.getMessage());
        }
    }

    private static float[] logits(DjlModel m) {
        return m.runWithHooks(TOKENS, List.of()).data();
    }
}
