package org.vivarium.cache.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.RowCursor;
import org.vivarium.api.cache.RunState;
import org.vivarium.api.method.Progress;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.model.HookFilter;
import org.vivarium.cache.MapDbActivationCache;

class ActivationCacherTest {
    private static final List<String> PROMPTS = List.of("abcd", "efgh", "ijkl", "hello", "world", "xyz");

    /** Records what the cacher reports. */
    static final class RecordingProgress implements Progress {
        long units;
        final List<Double> rates = new ArrayList<>();

        @Override
        public void advance(long n) {
            units += n;
        }

        @Override
        public void metric(String name, double value) {
            if (name.equals("tokens/s")) {
                rates.add(value);
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void cachesEveryPositionOfEveryPromptWithProvenance(@TempDir Path dir) {
        FixtureModel model = new FixtureModel();
        RecordingProgress progress = new RecordingProgress();
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            CachingResult r = new ActivationCacher(cache).cache(model, PROMPTS,
                    HookFilter.names("blocks.0.hook_resid_post", "blocks.0.attn.hook_z",
                            "blocks.0.attn.hook_pattern", "ln_final.hook_normalized"),
                    2, CachingOptions.of("fixture-run"), progress);
            long tokens = PROMPTS.stream().mapToInt(String::length).sum();
            assertEquals(tokens, r.tokens());
            assertEquals(tokens, progress.units);
            List<TokenText> stored = cache.tokens("fixture-run");
            assertEquals(PROMPTS.size(), stored.size());
            for (int i = 0; i < PROMPTS.size(); i++) {
                assertEquals(TokenText.of(model.tokenizer(), model.tokenizer().encode(PROMPTS.get(i))), stored.get(i));
                assertEquals(PROMPTS.get(i), stored.get(i).render(0, stored.get(i).length()).text());
            }
            assertFalse(progress.rates.isEmpty());
            assertTrue(r.skipped().containsKey("ln_final.hook_normalized"), r.skipped().toString());

            CacheRun run = r.run();
            assertEquals(RunState.COMPLETE, run.state());
            assertEquals("organism/fixture", run.modelName());
            assertEquals(PROMPTS.size(), run.promptCount());
            assertTrue(run.checkpointHash().startsWith("sha256:"));
            assertEquals(run.checkpointHash(), run.provenance().parent());
            assertEquals(run.promptSetHash(), run.provenance().dataHash());
            assertEquals("cache-run", run.provenance().kind());
            assertEquals(tokens, run.hook("blocks.0.hook_resid_post").orElseThrow().rows());
            assertEquals(8, run.hook("blocks.0.attn.hook_z").orElseThrow().width());
            assertEquals(2 * 16, run.hook("blocks.0.attn.hook_pattern").orElseThrow().width());

            for (String hook : List.of("blocks.0.hook_resid_post", "blocks.0.attn.hook_z")) {
                try (RowCursor c = cache.rows("fixture-run", hook)) {
                    float[] row = new float[c.width()];
                    long n = 0;
                    while (c.next()) {
                        c.read(row);
                        int token = PROMPTS.get(c.seq()).charAt(c.pos());
                        for (int i = 0; i < row.length; i++) {
                            assertEquals(FixtureModel.value(hook, token, c.pos(), i), row[i], 0f);
                        }
                        n++;
                    }
                    assertEquals(tokens, n);
                }
            }
            float[] pattern = cache.get("fixture-run", "blocks.0.attn.hook_pattern", 3, 2).orElseThrow();
            float[] expected = new float[32];
            for (int k = 0; k <= 2; k++) {
                expected[k] = 1f / 3;
                expected[16 + k] = 2f / 3;
            }
            assertArrayEquals(expected, pattern, 0f);
        }
    }

    @Test
    void storesHalfPrecisionWhenAsked(@TempDir Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            CachingResult r = new ActivationCacher(cache).cache(new FixtureModel(), PROMPTS,
                    HookFilter.names("blocks.0.hook_resid_post"), 4,
                    CachingOptions.of("half").withDtype(CacheDtype.F16), new RecordingProgress());
            assertEquals(CacheDtype.F16, r.run().dtype());
            float[] row = cache.get("half", "blocks.0.hook_resid_post", 0, 1).orElseThrow();
            float want = FixtureModel.value("blocks.0.hook_resid_post", 'b', 1, 3);
            assertEquals(want, row[3], Math.abs(want) * 0x1p-11f);
        }
    }

    @Test
    void rejectsOverlongPromptsBeforeCreatingARun(@TempDir Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            VivariumException e = assertThrows(VivariumException.class, () -> new ActivationCacher(cache).cache(
                    new FixtureModel(), List.of("x".repeat(17)), HookFilter.ALL, 1, CachingOptions.of("r"),
                    new RecordingProgress()));
            assertTrue(e.getMessage().contains("n_ctx=16"), e.getMessage());
            assertTrue(cache.runs().isEmpty());
        }
    }
}
