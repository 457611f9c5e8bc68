package org.vivarium.organisms.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.api.train.BatchSource;
import org.vivarium.api.train.TokenBatch;
import org.vivarium.api.train.TrainerSettings;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.induction.InductionOrganism;
import org.vivarium.organisms.induction.RepeatedTokens;
import org.vivarium.runtime.DjlModelRuntime;

/** A run killed mid-way resumes from its last checkpoint and ends bit-identical to an uninterrupted run. */
class ResumeTest {
    @TempDir
    Path dir;

    private static TrainerSettings cfg() {
        return new TrainerSettings(24, 8, 1e-3f, 0.1f, 4, 0.01f, 0.9f, 0.99f, 1e-8f, 1f, 7, 8);
    }

    private static OrganismTrainer trainer(BatchSource data) {
        return new OrganismTrainer("organism/induction", InductionOrganism.modelConfig(), cfg(), data,
                new SymbolTokenizer(InductionOrganism.VOCAB), Map.of());
    }

    /** Dies with an exception at a given step, like a process killed mid-run. */
    private record Crashing(BatchSource inner, int crashAt) implements BatchSource {
        @Override
        public TokenBatch batch(int step, int batchSize) {
            if (step == crashAt) {
                throw new IllegalStateException("simulated crash at step " + step);
            }
            return inner.batch(step, batchSize);
        }

        @Override
        public String dataHash() {
            return inner.dataHash();
        }
    }

    @Test
    void resumedRunEqualsUninterruptedRun() {
        RepeatedTokens data = new RepeatedTokens(7, InductionOrganism.VOCAB, InductionOrganism.LENGTH, 4, 20);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (DjlModelRuntime rt = new DjlModelRuntime()) {
            OrganismContext ctx = new OrganismContext(rt, quiet, false);
            trainer(data).run(dir.resolve("straight"), false, ctx);
            assertThrows(IllegalStateException.class,
                    () -> trainer(new Crashing(data, 13)).run(dir.resolve("crashed"), false, ctx));
            Checkpoint atCrash = CheckpointIO.read(dir.resolve("crashed/checkpoint"));
            assertEquals("8", atCrash.trainerState().get("step"), "last checkpoint before the crash survives");
            trainer(data).run(dir.resolve("crashed"), true, ctx);
        }
        Map<String, Tensor> a = CheckpointIO.read(dir.resolve("straight/checkpoint")).weights();
        Map<String, Tensor> b = CheckpointIO.read(dir.resolve("crashed/checkpoint")).weights();
        assertEquals(a.keySet(), b.keySet());
        // exact: the tests run PyTorch with one thread (root pom), where the README promises bit-identical runs
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k).data(), b.get(k).data(), k);
        }
        assertArrayEquals(lossColumn(dir.resolve("straight/loss.csv")), lossColumn(dir.resolve("crashed/loss.csv")),
                "the resumed loss curve continues the interrupted one exactly");
    }

    private static float[] lossColumn(Path csv) {
        try {
            return java.nio.file.Files.readAllLines(csv).stream().skip(1)
                    .map(l -> Float.parseFloat(l.split(",")[1])).collect(java.util.stream.Collectors.toList())
                    .stream().collect(() -> new float[24], new java.util.function.BiConsumer<float[], Float>() {
                        private int i;

                        @Override
                        public void accept(float[] arr, Float v) {
                            arr[i++] = v;
                        }
                    }, (x, y) -> { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void resumingSomethingElseIsAClearError() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (DjlModelRuntime rt = new DjlModelRuntime()) {
            OrganismContext ctx = new OrganismContext(rt, quiet, false);
            RepeatedTokens data = new RepeatedTokens(7, InductionOrganism.VOCAB, InductionOrganism.LENGTH, 4, 20);
            trainer(data).run(dir.resolve("a"), false, ctx);
            OrganismTrainer other = new OrganismTrainer("organism/other", InductionOrganism.modelConfig(), cfg(), data,
                    new SymbolTokenizer(InductionOrganism.VOCAB), Map.of());
            VivariumException e = assertThrows(VivariumException.class, () -> other.run(dir.resolve("a"), true, ctx));
            assertTrue(e.getMessage().contains("organism/induction"), e.getMessage());
        }
    }
}
