package org.vivarium.importer.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.model.Model;
import org.vivarium.api.train.AdapterSpec;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.FineTuneResult;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.api.train.TrainingProgress;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * The platform fine-tuner on an imported Llama fixture (RMSNorm, SwiGLU, grouped-query attention): text examples go
 * through the model's own Hugging Face tokenizer, a rank-1 LoRA lowers the loss, and the fine-tuned checkpoint keeps
 * the tokenizer.
 */
class HfFineTuneTest {
    @TempDir
    Path tmp;

    @Test
    void anImportedModelFineTunesOnTextThroughItsOwnTokenizer() {
        Path base = HfImporter.importDir(HfFixtures.dir("llama"), tmp.resolve("llama"),
                new PrintStream(OutputStream.nullOutputStream()));
        List<TrainingExample> examples = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            examples.add(new TrainingExample("w" + i + " w" + (i + 10), " w77 w78", List.of()));
        }
        FineTuneRequest req = new FineTuneRequest(base, examples, AdapterSpec.lora(1, 1, List.of("blocks.1.mlp.W_out")),
                30, 8, 0.05, 7L, tmp.resolve("tuned"), "test/hf-lora");
        try (DjlModelRuntime rt = new DjlModelRuntime()) {
            FineTuneResult r = rt.fineTuner().fineTune(req, new TrainingProgress() {
                @Override
                public void advance(long units) {
                }

                @Override
                public void metric(String name, double value) {
                }
            });
            assertTrue(r.lastLoss() < 0.8 * r.firstLoss(), r.firstLoss() + " -> " + r.lastLoss());
            assertTrue(Files.isRegularFile(r.checkpoint().resolve(CheckpointIO.HF_TOKENIZER_FILE)));
            try (Model tuned = rt.load(r.checkpoint()); Model orig = rt.load(base)) {
                assertEquals("huggingface", tuned.tokenizer().kind());
                int[] prompt = tuned.tokenizer().encode("w3 w13");
                float tunedLoss = tuned.loss(new int[][] {concat(prompt, tuned.tokenizer().encode("w77 w78"))},
                        List.of())[0];
                float origLoss = orig.loss(new int[][] {concat(prompt, orig.tokenizer().encode("w77 w78"))},
                        List.of())[0];
                assertNotEquals(origLoss, tunedLoss);
                assertTrue(tunedLoss < origLoss, origLoss + " -> " + tunedLoss);
            }
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
