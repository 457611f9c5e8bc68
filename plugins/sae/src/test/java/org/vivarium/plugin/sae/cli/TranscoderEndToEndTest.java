package org.vivarium.plugin.sae.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.index.ContextHit;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.Model;
import org.vivarium.cache.MapDbActivationCache;
import org.vivarium.cache.capture.ActivationCacher;
import org.vivarium.cache.capture.CachingOptions;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.plugin.sae.math.SaeWeights;
import org.vivarium.plugin.sae.transcoder.CeRecovered;
import org.vivarium.plugin.sae.transcoder.Transcoder;
import org.vivarium.report.io.JsonReader;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.RecordingProgress;
import org.vivarium.testkit.TestIndexes;
import org.vivarium.testkit.TestRuntime;

/**
 * {@code viv sae transcoder} on a real (small, random) 2-layer model whose layer-1 MLP input and output over
 * real English text sit in a real MapDB cache; then {@code viv sae dashboards} on the saved transcoder.
 */
class TranscoderEndToEndTest {
    private static final String RUN = "tiny-mlp";
    private static final String HOOKS = "blocks.1.ln2.hook_normalized,blocks.1.hook_mlp_out";
    @TempDir
    static Path work;
    private static Path ckpt;
    private static LocalMethodContext ctx;

    @BeforeAll
    static void cacheAndTrain() throws Exception {
        List<String> prompts = TinyTextModel.prompts(200);
        Files.write(work.resolve("prompts.txt"), prompts);
        ckpt = TinyTextModel.writeCheckpoint(work.resolve("runs/tiny"), prompts, 3);
        try (Model m = TestRuntime.shared().load(ckpt);
                MapDbActivationCache c = MapDbActivationCache.open(work.resolve("runs/cache"));
                Progress quiet = new RecordingProgress()) {
            new ActivationCacher(c).cache(m, prompts, HookFilter.parse(HOOKS, m.config()), 32,
                    new CachingOptions(RUN, CacheDtype.F32, "tiny", CheckpointIO.contentHash(ckpt)), quiet);
        }
        ctx = LocalMethodContext.withCache(work);
        assertEquals(0, ctx.run(new TranscoderCommand(), "--run", RUN, "--layer", "1", "--checkpoint", "runs/tiny",
                "--latents", "64", "--k", "8", "--steps", "400", "--batch", "64", "--lr",
                "3e-3", "--holdout", "0.1", "--ce-prompts", "10", "--out", "runs/tc"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTranscoderPredictsTheMlpAndItsLossesAreReported() throws Exception {
        Map<String, Object> j = (Map<String, Object>) JsonReader.parse(Files.readString(
                work.resolve("runs/tc/transcoder.json")));
        double ve = ((Number) j.get("variance_explained")).doubleValue();
        assertTrue(ve > 0.3, "a 64-latent transcoder should explain a random MLP's output: " + ctx.output());
        double clean = ((Number) j.get("ce_loss_clean")).doubleValue();
        double zero = ((Number) j.get("ce_loss_zero_ablated")).doubleValue();
        double tc = ((Number) j.get("ce_loss_transcoder")).doubleValue();
        assertEquals((zero - tc) / (zero - clean), ((Number) j.get("ce_loss_recovered")).doubleValue(), 1e-9);
        assertTrue(clean != zero, "ablating the MLP changes the loss");
        assertEquals(10 * (TinyTextModel.WIDTH - 1), ((Number) j.get("ce_tokens")).intValue(), 10 * 20,
                "10 held-out prompts of about 48 characters");
        for (String f : List.of("W_enc.npy", "b_enc.npy", "W_dec.npy", "b_dec.npy", "sae.json", "report.md")) {
            assertTrue(Files.size(work.resolve("runs/tc").resolve(f)) > 0, f);
        }
        assertTrue(ctx.output().contains("CE loss recovered"), ctx.output());
    }

    @Test
    void aTranscoderThatPredictsZeroLosesExactlyWhatZeroAblationLoses() {
        try (Model m = TestRuntime.shared().load(ckpt)) {
            int d = m.config().dModel();
            SaeWeights zero = SaeWeights.zeros(d, 8);
            int[] seq = m.tokenizer().encode(TinyTextModel.prompts(1).get(0));
            CeRecovered ce = CeRecovered.measure(m, List.of(seq), 1, new Transcoder(zero, 2));
            assertEquals(ce.zeroAblated(), ce.transcoder(), 1e-6, "replacing mlp_out by zeros is zero ablation");
            assertEquals(0, ce.recovered(), 1e-5);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dashboardsAndSearchReadTheTranscoderAsTranscoderFeatures() throws Exception {
        try (ContextIndex index = TestIndexes.open(work.resolve("runs/index"))) {
            assertEquals(0, ctx.run(new DashboardsCommand(() -> Optional.of(index)), "--sae", "runs/tc",
                    "--top", "3", "--checkpoint", "runs/tiny"));
            Map<String, Object> d = (Map<String, Object>) JsonReader.parse(Files.readString(
                    work.resolve("runs/tc/dashboards/dashboards.json")));
            List<Map<String, Object>> latents = (List<Map<String, Object>>) d.get("latents");
            assertEquals(64, latents.size());
            assertEquals("transcoder/L1/0", latents.get(0).get("feature"));
            assertEquals("blocks.1.ln2.hook_normalized", d.get("hook"));
            int fired = (int) latents.stream().filter(l -> ((Number) l.get("count")).longValue() > 0).count();
            List<ContextHit> hits = index.search("feature:transcoder/L1/*", SearchOptions.defaults().withTop(500))
                    .hits();
            assertTrue(fired > 0 && hits.size() >= fired, fired + " latents fired, " + hits.size() + " contexts");
            assertTrue(hits.stream().allMatch(h -> h.record().feature().startsWith("transcoder/L1/")));
        }
    }

    @Test
    void aRunWithoutTheMlpHooksIsOneClearError() {
        VivariumException e = assertThrows(VivariumException.class, () -> ctx.run(new TranscoderCommand(), 
                "--run", RUN, "--layer", "0", "--checkpoint", "runs/tiny"));
        assertTrue(e.getMessage().contains("blocks.0.ln2.hook_normalized"), e.getMessage());
    }
}
