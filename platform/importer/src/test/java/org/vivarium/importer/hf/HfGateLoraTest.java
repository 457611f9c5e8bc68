package org.vivarium.importer.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Model;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.api.train.AdapterSpec;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.FineTuneResult;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.api.train.TrainingProgress;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.lora.LoraAdapters;
import org.vivarium.runtime.lora.LoraConfig;
import org.vivarium.runtime.model.DjlModel;
import org.vivarium.runtime.model.ParameterStore;

/**
 * LoRA on {@code mlp.W_gate}, the gate of a SwiGLU MLP, on the imported Llama fixture: at B = 0 the adapted model's
 * logits are the base model's bit for bit, a few fine-tuning steps change them (only W_gate moves), and a model
 * without a gated MLP (the GPT-2 fixture) refuses the target naming the valid ones.
 */
class HfGateLoraTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final TrainingProgress NO_PROGRESS = new TrainingProgress() {
        @Override
        public void advance(long units) {
        }

        @Override
        public void metric(String name, double value) {
        }
    };

    @TempDir
    Path tmp;

    @Test
    void aLoraOnTheGateStartsAsTheBaseAndThenChangesTheLogits() {
        Path base = HfImporter.importDir(HfFixtures.dir("llama"), tmp.resolve("llama"), QUIET);
        int[][] tokens = HfFixtures.tokens("llama");
        try (DjlModelRuntime rt = new DjlModelRuntime(); Model plain = rt.load(base)) {
            Checkpoint ck = CheckpointIO.read(base);
            LoraAdapters lora = LoraAdapters.initialise(ck.config(), LoraConfig.of(1, 1f, "blocks.*.mlp.W_gate"), 5,
                    rt.manager());
            assertEquals(List.of("blocks.0.mlp.W_gate", "blocks.1.mlp.W_gate"), lora.targets());
            float[] baseLogits = plain.runWithHooks(tokens, List.of()).data();
            try (DjlModel adapted = new DjlModel(ck.config(), ParameterStore.fromTensors(ck.weights(), rt.manager()),
                    lora, ck.tokenizer(), ck.provenance())) {
                assertArrayEquals(baseLogits, adapted.runWithHooks(tokens, List.of()).data(), 0f, "B = 0");
            }

            List<TrainingExample> examples = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                examples.add(new TrainingExample("w" + i + " w" + (i + 10), " w77 w78", List.of()));
            }
            FineTuneRequest req = new FineTuneRequest(base, examples,
                    AdapterSpec.lora(1, 1, List.of("blocks.1.mlp.W_gate")), 5, 8, 0.05, 7L, tmp.resolve("tuned"),
                    "test/hf-gate-lora");
            FineTuneResult r = rt.fineTuner().fineTune(req, NO_PROGRESS);
            try (Model tuned = rt.load(r.checkpoint())) {
                float change = maxDiff(baseLogits, tuned.runWithHooks(tokens, List.of()).data());
                assertTrue(change > 1e-3f, "5 steps on W_gate should move the logits; max change " + change);
                Map<String, Tensor> before = plain.weights();
                Map<String, Tensor> after = tuned.weights();
                assertTrue(maxDiff(before.get("blocks.1.mlp.W_gate").data(),
                        after.get("blocks.1.mlp.W_gate").data()) > 0f, "W_gate is updated");
                for (String other : List.of("blocks.1.mlp.W_in", "blocks.1.mlp.W_out", "blocks.0.mlp.W_gate")) {
                    assertArrayEquals(before.get(other).data(), after.get(other).data(), 0f, other + " is not");
                }
            }
        }
    }

    @Test
    void aModelWithoutAGateRefusesTheTargetAndNamesTheValidOnes() {
        Path base = HfImporter.importDir(HfFixtures.dir("gpt2"), tmp.resolve("gpt2"), QUIET);
        FineTuneRequest req = new FineTuneRequest(base, List.of(new TrainingExample("w1 w2", " w3", List.of())),
                AdapterSpec.lora(1, 1, List.of("blocks.1.mlp.W_gate")), 2, 1, 0.05, 7L, tmp.resolve("tuned"),
                "test/hf-gate-lora");
        try (DjlModelRuntime rt = new DjlModelRuntime()) {
            VivariumException e = assertThrows(VivariumException.class, () -> rt.fineTuner().fineTune(req,
                    NO_PROGRESS));
            assertTrue(e.getMessage().startsWith("LoRA target \"blocks.1.mlp.W_gate\" matches no weight matrix of this"
                    + " model (W_gate exists only in gated MLPs"), e.getMessage());
            assertTrue(e.getMessage().contains("blocks.L.{attn.W_Q, attn.W_K, attn.W_V, attn.W_O, mlp.W_in, mlp.W_out}"
                    + " for L in 0..1"), e.getMessage());
            assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
        }
    }

    private static float maxDiff(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
