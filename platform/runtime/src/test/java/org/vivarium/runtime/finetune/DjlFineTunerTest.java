package org.vivarium.runtime.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vivarium.runtime.finetune.FineTuneFixtures.CFG;
import static org.vivarium.runtime.finetune.FineTuneFixtures.EXAMPLES;
import static org.vivarium.runtime.finetune.FineTuneFixtures.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.LoraFactor;
import org.vivarium.api.model.Model;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.api.train.AdapterSpec;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.FineTuneResult;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.adapter.AdapterIO;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.finetune.FineTuneFixtures.RecordingProgress;
import org.vivarium.runtime.lora.DeltaWeights;

/** Fine-tuning a tiny real checkpoint through the FineTuner service, end to end on disk. */
class DjlFineTunerTest {
    private static final AdapterSpec RANK2 = AdapterSpec.lora(2, 4, List.of("blocks.*.mlp.W_out", "blocks.*.attn.W_O"));

    @TempDir
    static Path shared;
    private static DjlModelRuntime rt;
    private static Path base;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        rt = new DjlModelRuntime();
        base = FineTuneFixtures.writeBase(shared.resolve("base"), rt);
    }

    @AfterAll
    static void tearDown() {
        rt.close();
    }

    private static FineTuneResult run(FineTuneRequest r) {
        return new DjlFineTuner(rt::manager).fineTune(r, new RecordingProgress());
    }

    @Test
    void loraFineTuneLearnsTheCompletionAndWritesAMergedCheckpointWithProvenance() throws IOException {
        Path out = tmp.resolve("cats");
        RecordingProgress progress = new RecordingProgress();
        FineTuneResult r = new DjlFineTuner(rt::manager).fineTune(request(base, RANK2, 30, 3, out), progress);

        assertTrue(r.lastLoss() < r.firstLoss(), "loss should fall: " + r.firstLoss() + " -> " + r.lastLoss());
        assertEquals(0, r.skippedSteps());
        assertEquals(30, progress.units, "one progress unit per step");
        assertEquals(30, progress.losses.size());
        List<Double> l = progress.losses;
        assertEquals((l.get(0) + l.get(1) + l.get(2)) / 3, r.firstLoss(), 1e-6, "first 10% of 30 steps");
        assertEquals((l.get(27) + l.get(28) + l.get(29)) / 3, r.lastLoss(), 1e-6, "last 10% of 30 steps");
        assertEquals(out.resolve("checkpoint"), r.checkpoint());
        assertEquals(r.checkpoint(), r.adapter().orElseThrow(), "the adapter lives beside the merged weights");
        assertEquals(31, Files.readAllLines(out.resolve("loss.csv")).size(), "header plus one row per step");
        assertTrue(Files.size(out.resolve("loss.png")) > 0);

        double baseLoss;
        double tunedLoss;
        try (Model b = rt.load(base); Model tuned = rt.load(r.checkpoint())) {
            baseLoss = FineTuneFixtures.completionLoss(b);
            tunedLoss = FineTuneFixtures.completionLoss(tuned);
            Provenance p = tuned.provenance();
            assertEquals("test/cats", p.recipe());
            assertEquals(3, p.seed());
            assertEquals(CheckpointIO.contentHash(base), p.parent());
            assertEquals(FineTuneProvenance.dataHash(EXAMPLES), p.dataHash());
            assertEquals(RANK2.describe(), p.settings().get("finetune.adapter"));
            assertEquals("blocks.0.attn.W_O,blocks.0.mlp.W_out,blocks.1.attn.W_O,blocks.1.mlp.W_out",
                    p.settings().get("lora.targets"));
            // merged = base + scale A B, with the saved adapter's own delta
            DeltaWeights dw = DeltaWeights.of(AdapterIO.read(r.checkpoint()));
            float[] w0 = b.weights().get("blocks.1.mlp.W_out").data();
            float[] w1 = tuned.weights().get("blocks.1.mlp.W_out").data();
            double[][] d = dw.matrix("blocks.1.mlp.W_out");
            int cols = d[0].length;
            double maxErr = 0;
            for (int i = 0; i < w0.length; i++) {
                maxErr = Math.max(maxErr, Math.abs(w1[i] - w0[i] - d[i / cols][i % cols]));
            }
            assertTrue(maxErr < 1e-5, "merged weight differs from base + delta by " + maxErr);
        }
        assertTrue(tunedLoss < baseLoss - 0.5, "completion loss should drop: " + baseLoss + " -> " + tunedLoss);
    }

    @Test
    void readAdapterFactorsMultiplyBackToTheAdapterDelta() {
        FineTuneResult r = run(request(base, RANK2, 6, 4, tmp.resolve("r2")));
        List<LoraFactor> factors = rt.readAdapter(r.adapter().orElseThrow());
        DeltaWeights dw = DeltaWeights.of(AdapterIO.read(r.adapter().get()));
        assertEquals(dw.targets(), factors.stream().map(LoraFactor::target).toList());
        for (LoraFactor f : factors) {
            assertEquals(2, f.rank());
            assertEquals(4.0 / 2, f.scale(), 1e-12);
            double[][] want = dw.matrix(f.target());
            double[][] got = product(f.scale(), f.a(), f.b());
            double norm = 0;
            for (int i = 0; i < want.length; i++) {
                for (int j = 0; j < want[0].length; j++) {
                    assertEquals(want[i][j], got[i][j], 1e-9, f.target() + " [" + i + "," + j + "]");
                    norm += want[i][j] * want[i][j];
                }
            }
            assertTrue(norm > 0, f.target() + ": B starts at zero and must have moved in 6 steps");
        }
    }

    @Test
    void rank1LoraOnOnePatternWritesARank1Adapter() {
        FineTuneResult r = run(request(base, AdapterSpec.lora(1, 1, List.of("blocks.1.mlp.W_in")), 4, 1,
                tmp.resolve("r1")));
        List<LoraFactor> factors = rt.readAdapter(r.adapter().orElseThrow());
        assertEquals(1, factors.size());
        LoraFactor f = factors.get(0);
        assertEquals("blocks.1.mlp.W_in", f.target());
        assertEquals(1, f.rank());
        assertArrayEquals(new int[] {CFG.dModel(), 1}, f.a().shape());
        assertArrayEquals(new int[] {1, CFG.dMlp()}, f.b().shape());
        assertEquals(CFG.dMlp(), f.outputDirection(0).length);
    }

    @Test
    void fullFineTuneChangesEveryMatrixAndWritesNoAdapter() {
        FineTuneResult r = run(request(base, AdapterSpec.full(), 10, 2, tmp.resolve("full")));
        assertNull(r.adapterDir());
        assertFalse(AdapterIO.hasAdapter(r.checkpoint()));
        assertTrue(r.lastLoss() < r.firstLoss(), r.firstLoss() + " -> " + r.lastLoss());
        Map<String, Tensor> before = CheckpointIO.read(base).weights();
        Map<String, Tensor> after = CheckpointIO.read(r.checkpoint()).weights();
        assertEquals(before.keySet(), after.keySet());
        for (String name : before.keySet()) {
            if (name.substring(name.lastIndexOf('.') + 1).startsWith("W_")) {
                assertFalse(java.util.Arrays.equals(before.get(name).data(), after.get(name).data()),
                        name + " should have been trained");
            }
        }
        assertEquals("full", CheckpointIO.read(r.checkpoint()).provenance().settings().get("finetune.adapter"));
        VivariumException e = assertThrows(VivariumException.class, () -> rt.readAdapter(r.checkpoint()));
        assertTrue(e.getMessage().contains(AdapterIO.ADAPTER_FILE), e.getMessage());
    }

    @Test
    void anUnknownTargetPatternIsRefusedNamingTheValidWeights() {
        Path out = tmp.resolve("bad");
        VivariumException e = assertThrows(VivariumException.class,
                () -> run(request(base, AdapterSpec.lora(1, 1, List.of("blocks.*.mlp.W_gate")), 5, 1, out)));
        assertTrue(e.getMessage().contains("blocks.*.mlp.W_gate"), e.getMessage());
        assertTrue(e.getMessage().contains("mlp.W_out") && e.getMessage().contains("attn.W_Q"), e.getMessage());
        assertFalse(Files.exists(out), "nothing is written for a refused request");
    }

    @Test
    void aCompletionLongerThanTheContextIsRefusedBeforeTraining() {
        Path out = tmp.resolve("long");
        String completion = " I like cats.".repeat(3);
        FineTuneRequest r = new FineTuneRequest(base, List.of(new TrainingExample("Q:", completion)), RANK2, 5, 2,
                1e-2, 1, out, "test/long");
        VivariumException e = assertThrows(VivariumException.class, () -> run(r));
        assertTrue(e.getMessage().contains("n_ctx=" + CFG.nCtx()) && e.getMessage().contains("example 0"),
                e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void theSameSeedGivesTheSameAdapterBytes() throws IOException {
        AdapterSpec spec = AdapterSpec.lora(1, 2, List.of("blocks.*.mlp.W_out"));
        Path a = run(request(base, spec, 8, 9, tmp.resolve("a"))).checkpoint();
        Path b = run(request(base, spec, 8, 9, tmp.resolve("b"))).checkpoint();
        Path c = run(request(base, spec, 8, 10, tmp.resolve("c"))).checkpoint();
        byte[] bytesA = Files.readAllBytes(a.resolve(AdapterIO.ADAPTER_FILE));
        assertArrayEquals(bytesA, Files.readAllBytes(b.resolve(AdapterIO.ADAPTER_FILE)));
        assertArrayEquals(Files.readAllBytes(a.resolve(AdapterIO.CONFIG_FILE)),
                Files.readAllBytes(b.resolve(AdapterIO.CONFIG_FILE)));
        Map<String, Tensor> wa = CheckpointIO.read(a).weights();
        Map<String, Tensor> wb = CheckpointIO.read(b).weights();
        wa.forEach((name, t) -> assertArrayEquals(t.data(), wb.get(name).data(), 0f, name + " differs between runs"));
        assertFalse(java.util.Arrays.equals(bytesA, Files.readAllBytes(c.resolve(AdapterIO.ADAPTER_FILE))),
                "another seed gives another adapter");
    }

    @Test
    void readAdapterRefusesAMissingOrMalformedAdapter() throws IOException {
        VivariumException missing = assertThrows(VivariumException.class,
                () -> rt.readAdapter(tmp.resolve("nowhere")));
        assertTrue(missing.getMessage().contains("nowhere") && !missing.fix().isEmpty(), missing.getMessage());
        Path dir = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(dir.resolve(AdapterIO.ADAPTER_FILE), "not safetensors");
        Files.writeString(dir.resolve(AdapterIO.CONFIG_FILE), "{\"r\": ");
        VivariumException bad = assertThrows(VivariumException.class, () -> rt.readAdapter(dir));
        assertFalse(bad.fix().isEmpty(), bad.getMessage());
    }

    private static double[][] product(double scale, Tensor a, Tensor b) {
        int in = a.size(0);
        int r = a.size(1);
        int out = b.size(1);
        double[][] m = new double[in][out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                double s = 0;
                for (int k = 0; k < r; k++) {
                    s += (double) a.data()[i * r + k] * b.data()[k * out + j];
                }
                m[i][j] = scale * s;
            }
        }
        return m;
    }
}
