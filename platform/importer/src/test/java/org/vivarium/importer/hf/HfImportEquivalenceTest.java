package org.vivarium.importer.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.RunResult;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * Each tiny Hugging Face fixture, imported and run by the hooked DJL runtime, gives the logits that
 * {@code tools/hf_reference.py} computed (float64, from the Hugging Face modelling math) within 1e-4.
 */
class HfImportEquivalenceTest {
    static final double TOLERANCE = 1e-4;

    @TempDir
    static Path tmp;
    static DjlModelRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = new DjlModelRuntime();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt2", "neox", "llama", "qwen2"})
    void logitsMatchTheReference(String name) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path out = HfImporter.importDir(HfFixtures.dir(name), tmp.resolve(name),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        int[][] tokens = HfFixtures.tokens(name);
        float[] expected = HfFixtures.logits(name);
        try (Model m = runtime.load(out)) {
            RunResult r = m.run(tokens, List.of(), HookFilter.NONE);
            float[] got = r.logits().data();
            assertArrayEquals(new int[] {tokens.length, tokens[0].length, m.config().dVocab()}, r.logits().shape());
            double maxDiff = 0;
            for (int i = 0; i < got.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(got[i] - expected[i]));
            }
            System.out.printf("%s%s: max |logit - reference| = %.2e over %d logits%n", log, name, maxDiff,
                    got.length);
            assertTrue(maxDiff <= TOLERANCE, name + ": max abs difference " + maxDiff + " > " + TOLERANCE);
        }
        String prov = Files.readString(out.resolve(CheckpointIO.PROVENANCE_FILE));
        assertTrue(prov.contains(Provenances.sha256(HfFixtures.dir(name).resolve("model.safetensors"))), prov);
        assertEquals(Files.readString(HfFixtures.dir(name).resolve("tokenizer.json")),
                Files.readString(out.resolve(HfImporter.HF_TOKENIZER_FILE)));
    }
}
