package org.vivarium.plugin.sae.dash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.RunSpec;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.cache.MapDbActivationCache;
import org.vivarium.checkpoint.tokenizer.CharTokenizer;
import org.vivarium.plugin.sae.data.CacheRowSource;
import org.vivarium.plugin.sae.math.SaeKind;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.math.SparseAutoencoder;
import org.vivarium.plugin.sae.math.Workers;
import org.vivarium.testkit.RecordingProgress;

/**
 * The dashboards of a small cache (seeded activations, char tokens with line breaks, sequences repeated so that
 * activations tie) are byte for byte the ones Vivarium wrote before the cache stored tokens and the shared context
 * extractor replaced the SAE's own windows and top-k heaps: {@code dashboards-before/} was written by
 * {@code Dashboards.build} at ee213c9 (prompts re-tokenized) on the same activations (all of dashboards.json; of the
 * pages, the index and latents 0-3).
 */
class DashboardsUnchangedTest {
    static final String HOOK = "blocks.0.hook_resid_post";
    static final int SEQS = 30;
    static final int WIDTH = 8;

    /** The prompts: 24-character slices of a text with line breaks; 10..14 repeat 0..4 (for ties). */
    static List<String> prompts() {
        String text = "The doctor said the cure\nwas rest. A sailor sang of the sea and the long road home;"
                + " the farmer\nsowed wheat in rows while the rain fell on the barn roof at night.";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < SEQS; i++) {
            int at = (i >= 10 && i < 15 ? i - 10 : i) * 5 % (text.length() - 24);
            out.add(text.substring(at, at + 24));
        }
        return out;
    }

    /** Seeded activations of one sequence, the same for repeated prompts. */
    static float[] row(String prompt, int pos) {
        SplittableRandom r = new SplittableRandom(prompt.hashCode() * 31L + pos);
        float[] x = new float[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            x[i] = (float) SaeWeights.gaussian(r);
        }
        return x;
    }

    @Test
    void dashboardsOfASmallCacheAreTheSameAsBefore(@TempDir Path dir) throws Exception {
        List<String> prompts = prompts();
        Tokenizer tok = CharTokenizer.fromCorpus(String.join("", prompts), 64);
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir.resolve("cache"))) {
            try (RunWriter w = cache.newRun(new RunSpec("r", "m", "", "", SEQS, CacheDtype.F32, null))) {
                for (int s = 0; s < SEQS; s++) {
                    int[] ids = tok.encode(prompts.get(s));
                    for (int p = 0; p < ids.length; p++) {
                        w.append(HOOK, s, p, row(prompts.get(s), p));
                    }
                    w.tokens(s, TokenText.of(tok, ids));
                    w.commit();
                }
                w.finish();
            }
            SparseAutoencoder sae = new SparseAutoencoder(SaeWeights.init(WIDTH, 16, 3), SaeKind.RELU, 0);
            try (Workers workers = new Workers(2);
                    CacheRowSource rows = new CacheRowSource(cache, "r", HOOK, 0, SEQS)) {
                Dashboards d = Dashboards.build(sae, "sae/L0", rows, cache.tokens("r"), null,
                        new Dashboards.Settings(4, 6, 3, 10, 4), workers, (l, n, u) -> new RecordingProgress());
                d.write(dir.resolve("out"), "SAE on " + HOOK, HOOK, "r");
            }
        }
        Path before = Path.of("src/test/resources/dashboards-before");
        List<String> files;
        try (Stream<Path> s = Files.walk(before)) {
            files = s.filter(Files::isRegularFile).map(f -> before.relativize(f).toString()).sorted().toList();
        }
        assertEquals(6, files.size(), "dashboards.json, index.html and the pages of latents 0-3: " + files);
        for (String f : files) {
            assertEquals(Files.readString(before.resolve(f), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("out").resolve(f), StandardCharsets.UTF_8), f);
        }
    }
}
