package org.vivarium.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.train.BatchSource;
import org.vivarium.api.train.PretrainRequest;
import org.vivarium.api.train.PretrainResult;
import org.vivarium.api.train.TokenBatch;
import org.vivarium.api.train.TrainerSettings;
import org.vivarium.api.train.TrainingStep;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.TestModels;

/**
 * Pretraining through the API ({@link ModelRuntime#trainer()}, API types only past the runtime's constructor):
 * a fixed seed gives the same loss curve twice, another seed another curve, and the result loads.
 */
class DjlModelTrainerTest {
    @TempDir
    Path dir;

    /** Random rows from the batch's seed and step only; the loss counts the second half of each row. */
    private record RandomRows(long seed, int vocab, int length) implements BatchSource {
        @Override
        public TokenBatch batch(int step, int batchSize) {
            int[][] tokens = TestModels.tokens(batchSize, length, vocab, seed * 1_000_003L + step);
            float[][] mask = new float[batchSize][length - 1];
            for (float[] row : mask) {
                java.util.Arrays.fill(row, length / 2, length - 1, 1f);
            }
            return new TokenBatch(tokens, mask);
        }

        @Override
        public String dataHash() {
            return "random-rows-" + seed;
        }
    }

    private static PretrainRequest request(Path runDir, long seed) {
        ModelConfig cfg = TestModels.smallConfig();
        TrainerSettings s = TrainerSettings.defaults(12, seed).with(12, 4, 3e-3f).withCheckpointEvery(5);
        return new PretrainRequest("test/pretrain", cfg, s, new RandomRows(seed, cfg.dVocab(), cfg.nCtx()),
                new SymbolTokenizer(cfg.dVocab()), runDir, false, Map.of("rows", "random"));
    }

    private static float[] curve(PretrainResult r) {
        float[] out = new float[r.losses().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.losses().get(i);
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameLossCurve() throws Exception {
        try (DjlModelRuntime djl = new DjlModelRuntime()) {
            ModelRuntime runtime = djl;
            List<TrainingStep> seen = new ArrayList<>();
            PretrainResult a = runtime.trainer().pretrain(request(dir.resolve("a"), 7), seen::add);
            PretrainResult b = runtime.trainer().pretrain(request(dir.resolve("b"), 7), s -> { });
            PretrainResult other = runtime.trainer().pretrain(request(dir.resolve("c"), 8), s -> { });

            assertEquals(12, a.losses().size());
            assertEquals(1, a.firstStep());
            assertEquals(12, a.lastStep());
            assertArrayEquals(curve(a), curve(b), "same seed, same batches: the same loss curve");
            assertNotEquals(a.losses(), other.losses(), "another seed trains another model");
            assertEquals(12, seen.size(), "the listener sees every step");
            assertEquals(a.losses().get(11), seen.get(11).loss());
            assertEquals(4L * TestModels.smallConfig().nCtx(), seen.get(0).tokens());
            assertTrue(Float.isFinite(a.finalLoss()) && a.finalLoss() > 0, "final loss " + a.finalLoss());
            assertTrue(Files.isRegularFile(a.lossCurve()), "loss.csv written");
            assertEquals(13, Files.readAllLines(a.lossCurve()).size(), "header plus one row per step");
            try (Model m = runtime.load(a.checkpoint())) {
                assertEquals("test/pretrain", m.provenance().recipe());
                assertEquals(7, m.provenance().seed());
                assertEquals("random-rows-7", m.provenance().dataHash());
                assertEquals("random", m.provenance().settings().get("data.rows"));
            }
        }
    }
}
