package org.vivarium.plugin.emfinetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.BatchedDecoding;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.testkit.TestRuntime;
import org.vivarium.testkit.TinyCheckpoint;

/**
 * {@link Model#generateAll} on a real (tiny, random) DJL model: batched decoding must give, token for token,
 * what {@link Model#generate} gives one prompt at a time, for greedy decoding and for sampling with each
 * prompt's row seed.
 */
class GenerateAllTest {
    private static final int N_CTX = 48;
    private static final String TEXT = "the quick brown fox jumps over the lazy dog, and then it sleeps.";

    @TempDir
    static Path dir;
    private static Model model;

    @BeforeAll
    static void load() {
        model = TestRuntime.shared().load(TinyCheckpoint.over(TEXT).context(N_CTX).seed(11).writeTo(dir.resolve("ckpt")));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** 40 prompts (two batches) of 1 to 20 tokens, cut from the text at seeded places. */
    private static List<int[]> prompts(long seed) {
        int[] all = model.tokenizer().encode(TEXT);
        SplittableRandom r = new SplittableRandom(seed);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int len = 1 + r.nextInt(20);
            int from = r.nextInt(all.length - len);
            out.add(Arrays.copyOfRange(all, from, from + len));
        }
        return out;
    }

    private static int[] alone(int[] prompt, GenerationOptions o, List<Hook> hooks) {
        int[] all = model.generate(prompt, o, hooks);
        return Arrays.copyOfRange(all, prompt.length, all.length);
    }

    private static GenerationOptions rowOptions(GenerationOptions o, int row) {
        return new GenerationOptions(o.maxNewTokens(), o.temperature(), o.topK(),
                BatchedDecoding.rowSeed(o.seed(), row));
    }

    @Test
    void batchedGreedyEqualsOnePromptAtATimeWithAndWithoutHooks() {
        List<int[]> prompts = prompts(1);
        GenerationOptions greedy = GenerationOptions.greedy(12);
        float[] dir = new float[model.config().dModel()];
        dir[3] = 2f;
        List<List<Hook>> hookSets = List.of(List.of(), List.of(Hook.add(HookName.residPre(1), dir, 1.5f)),
                List.of(Hook.add(HookName.residPre(1), dir, 1.5f).atPositions(0)));
        for (List<Hook> hooks : hookSets) {
            List<int[]> batched = model.generateAll(prompts, greedy, hooks);
            assertEquals(prompts.size(), batched.size());
            for (int i = 0; i < prompts.size(); i++) {
                assertEquals(12, batched.get(i).length);
                assertArrayEquals(alone(prompts.get(i), greedy, hooks), batched.get(i), "prompt " + i + " " + hooks);
            }
        }
    }

    @Test
    void samplingIsSeededPerRowAndMatchesGenerateWithTheRowSeed() {
        List<int[]> prompts = prompts(2);
        GenerationOptions o = new GenerationOptions(10, 1.0f, 8, 5L);
        List<int[]> first = model.generateAll(prompts, o, List.of());
        List<int[]> again = model.generateAll(prompts, o, List.of());
        for (int i = 0; i < prompts.size(); i++) {
            assertArrayEquals(first.get(i), again.get(i), "same seed, same tokens");
            assertArrayEquals(alone(prompts.get(i), rowOptions(o, i), List.of()), first.get(i), "row " + i);
        }
        List<int[]> others = new ArrayList<>(prompts(3));
        others.set(7, prompts.get(7));
        assertArrayEquals(first.get(7), model.generateAll(others, o, List.of()).get(7),
                "a row does not depend on the other prompts in its batch");
        List<int[]> reseeded = model.generateAll(prompts, new GenerationOptions(10, 1.0f, 8, 6L), List.of());
        assertTrue(java.util.stream.IntStream.range(0, prompts.size())
                .anyMatch(i -> !Arrays.equals(first.get(i), reseeded.get(i))), "another seed samples differently");
        assertFalse(java.util.stream.IntStream.range(1, prompts.size())
                .allMatch(i -> Arrays.equals(first.get(0), first.get(i))), "rows do not share one random stream");
    }

    @Test
    void promptsTooLongForOneWindowGoThroughGenerate() {
        int[] text = model.tokenizer().encode(TEXT);
        List<int[]> prompts = List.of(Arrays.copyOf(text, 3), Arrays.copyOf(text, N_CTX - 4), Arrays.copyOf(text, N_CTX));
        GenerationOptions o = new GenerationOptions(10, 0.8f, 0, 9L);
        List<int[]> out = model.generateAll(prompts, o, List.of());
        for (int i = 0; i < prompts.size(); i++) {
            assertArrayEquals(alone(prompts.get(i), rowOptions(o, i), List.of()), out.get(i), "row " + i);
        }
    }

    @Test
    void batchesHoldAtMost32RowsAndPositionHooksFallBackToGenerate() {
        CountingModel counting = new CountingModel(model);
        List<int[]> prompts = prompts(4);
        counting.generateAll(prompts, GenerationOptions.greedy(5), List.of());
        assertEquals(2 * 5, counting.runs, "40 prompts = batches of 32 and 8, one forward pass per token each");
        assertEquals(0, counting.generates);
        float[] dir = new float[model.config().dModel()];
        counting.generateAll(prompts, GenerationOptions.greedy(5),
                List.of(Hook.add(HookName.residPre(0), dir, 1f).atPositions(-1)));
        assertEquals(prompts.size(), counting.generates, "a hook at the last position cannot be batched");
    }

    @Test
    void edgeCases() {
        List<int[]> none = model.generateAll(List.of(new int[] {1, 2}), GenerationOptions.greedy(0), List.of());
        assertEquals(0, none.get(0).length);
        assertTrue(model.generateAll(List.of(), GenerationOptions.greedy(4), List.of()).isEmpty());
        VivariumException e = assertThrows(VivariumException.class,
                () -> model.generateAll(List.of(new int[] {1}, new int[0]), GenerationOptions.greedy(4), List.of()));
        assertTrue(e.getMessage().contains("prompt 1 of 2 is empty"), e.getMessage());
    }

    /** Delegates to a real model and counts forward passes and single-prompt generations. */
    private static final class CountingModel implements Model {
        private final Model inner;
        int runs;
        int generates;

        CountingModel(Model inner) {
            this.inner = inner;
        }

        @Override
        public ModelConfig config() {
            return inner.config();
        }

        @Override
        public Tokenizer tokenizer() {
            return inner.tokenizer();
        }

        @Override
        public Provenance provenance() {
            return inner.provenance();
        }

        @Override
        public RunResult run(int[][] tokens, List<Hook> hooks, HookFilter cache) {
            runs++;
            return inner.run(tokens, hooks, cache);
        }

        @Override
        public int[] generate(int[] prompt, GenerationOptions options, List<Hook> hooks) {
            generates++;
            return inner.generate(prompt, options, hooks);
        }

        @Override
        public float[] loss(int[][] tokens, List<Hook> hooks) {
            return inner.loss(tokens, hooks);
        }

        @Override
        public java.util.Map<String, Tensor> weights() {
            return inner.weights();
        }

        @Override
        public void close() {
            // the real model is closed by the test class
        }
    }
}
