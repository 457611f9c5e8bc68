package org.vivarium.plugin.sae.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.RowCursor;
import org.vivarium.api.cache.RunSpec;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.index.ContextHit;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.Model;
import org.vivarium.cache.MapDbActivationCache;
import org.vivarium.cache.capture.ActivationCacher;
import org.vivarium.cache.capture.CachingOptions;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.plugin.sae.SaeMethod;
import org.vivarium.testkit.LocalMethodContext;
import org.vivarium.testkit.RecordingProgress;
import org.vivarium.testkit.TestFiles;
import org.vivarium.testkit.TestIndexes;
import org.vivarium.testkit.TestLinearAlgebra;
import org.vivarium.testkit.TestRuntime;

/**
 * The plugin's commands as the host runs them, on a real (small, random) model whose activations over
 * real English text sit in a real MapDB cache, with contexts going into a real Lucene index.
 */
class SaeEndToEndTest {
    private static final String RUN = "tiny-text";
    private static final String HOOK = "blocks.1.hook_resid_post";
    private static final int PROMPTS = 300;
    private static final int TOP = 5;

    @TempDir
    static Path work;

    private static List<String> prompts;
    private static String trainOutput;
    private static List<String> trainProgress;

    @BeforeAll
    static void cacheActivationsAndTrain() throws Exception {
        prompts = TinyTextModel.prompts(PROMPTS);
        Files.write(work.resolve("prompts.txt"), prompts);
        Path ckpt = TinyTextModel.writeCheckpoint(work.resolve("runs/tiny"), prompts, 3);
        try (Model m = TestRuntime.shared().load(ckpt);
                MapDbActivationCache c = MapDbActivationCache.open(work.resolve("runs/cache"));
                Progress quiet = new RecordingProgress()) {
            new ActivationCacher(c).cache(m, prompts, HookFilter.parse(HOOK, m.config()), 32,
                    new CachingOptions(RUN, CacheDtype.F32, "tiny", CheckpointIO.contentHash(ckpt)), quiet);
        }
        LocalMethodContext ctx = LocalMethodContext.withCache(work);
        assertEquals(0, ctx.run(command("train"), train("runs/sae/tiny")));
        trainOutput = ctx.output();
        trainProgress = ctx.progressLog();
    }

    private static String[] train(String out) {
        return List.of("--run", RUN, "--hook", HOOK, "--latents", "64", "--steps", "400", "--batch", "64", "--lr",
                "3e-3", "--resample-every", "100", "--out", out).toArray(new String[0]);
    }

    private static MethodCommand command(String name) {
        return LocalMethodContext.command(new SaeMethod(), name);
    }

    private static Map<String, Object> json(Path file) throws Exception {
        return TestFiles.readJson(file);
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainStreamsTheCacheAndWritesWeightsMetricsAndCurves() throws Exception {
        Path out = work.resolve("runs/sae/tiny");
        for (String f : List.of("W_enc.npy", "b_enc.npy", "W_dec.npy", "b_dec.npy", "sae.json", "loss.csv",
                "loss.png", "l0.png", "report.md")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f + " is missing or empty");
        }
        Map<String, Object> sae = json(out.resolve("sae.json"));
        Map<String, Object> metrics = (Map<String, Object>) sae.get("metrics");
        int held = (int) Math.round(PROMPTS * 0.05);
        assertEquals((double) held * TinyTextModel.WIDTH, metrics.get("eval_rows"), "held-out sequences' rows");
        double ev = (Double) metrics.get("explained_variance");
        assertTrue(ev > 0.6 && ev <= 1, "held-out explained variance " + ev);
        assertTrue((Double) metrics.get("l0") > 0, "L0 " + metrics.get("l0"));
        Map<String, Object> data = (Map<String, Object>) sae.get("data");
        assertEquals(RUN, data.get("run"));
        assertTrue(((String) data.get("prompt_set_hash")).startsWith("sha256:"));
        assertEquals(List.of(0.0, (double) PROMPTS - held), data.get("train_sequences"));
        assertEquals("sae/L1", sae.get("feature_prefix"));
        assertEquals(List.of("sae train 25600/25600 tok"), trainProgress);
        assertTrue(trainOutput.contains("explained variance (held out)") && trainOutput.contains("MSE-vs-L0 point"),
                trainOutput);
        assertTrue(trainOutput.contains("input scaling: x * "), trainOutput);
        assertEquals(201, Files.readAllLines(out.resolve("loss.csv")).size(), "header + 200 logged intervals");
    }

    @Test
    void trainingFromTheCacheIsDeterministicForASeed() throws Exception {
        LocalMethodContext ctx = LocalMethodContext.withCache(work);
        ctx.run(command("train"), train("runs/sae/again"));
        assertArrayEquals(Files.readAllBytes(work.resolve("runs/sae/tiny/W_dec.npy")),
                Files.readAllBytes(work.resolve("runs/sae/again/W_dec.npy")));
        assertArrayEquals(Files.readAllBytes(work.resolve("runs/sae/tiny/W_enc.npy")),
                Files.readAllBytes(work.resolve("runs/sae/again/W_enc.npy")));
    }

    /** One recomputed activation. */
    private record Act(int seq, int pos, float value) {
    }

    /** Encodes every cached row with plain loops over the saved .npy weights. */
    private static List<List<Act>> recomputeTopContexts() {
        Path dir = work.resolve("runs/sae/tiny");
        LinearAlgebra la = TestLinearAlgebra.shared();
        float[][] wEnc = la.readNpy(dir.resolve("W_enc.npy")).toRows();
        float[] bEnc = la.readNpyVector(dir.resolve("b_enc.npy"));
        float[] bDec = la.readNpyVector(dir.resolve("b_dec.npy"));
        assertEquals(List.of(32, 64, 64, 32), List.of(wEnc.length, wEnc[0].length, bEnc.length, bDec.length));
        List<List<Act>> all = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            all.add(new ArrayList<>());
        }
        try (MapDbActivationCache c = MapDbActivationCache.open(work.resolve("runs/cache"));
                RowCursor rows = c.rows(RUN, HOOK)) {
            float[] x = new float[32];
            while (rows.next()) {
                rows.read(x);
                for (int i = 0; i < 64; i++) {
                    double pre = bEnc[i];
                    for (int j = 0; j < 32; j++) {
                        pre += (x[j] - bDec[j]) * wEnc[j][i];
                    }
                    if (pre > 0) {
                        all.get(i).add(new Act(rows.seq(), rows.pos(), (float) pre));
                    }
                }
            }
        }
        for (List<Act> l : all) {
            l.sort(Comparator.comparingDouble((Act a) -> -a.value()).thenComparingInt(Act::seq)
                    .thenComparingInt(Act::pos));
        }
        return all;
    }

    /** Whether (seq, pos) is among the recomputed activations within float rounding of {@code value}. */
    private static boolean nearTie(List<Act> all, float value, int seq, int pos) {
        return all.stream().anyMatch(x -> x.seq() == seq && x.pos() == pos && Math.abs(x.value() - value) < 1e-4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void dashboardsShowTheRecomputedTopContextsAndTheIndexFindsThem() throws Exception {
        Files.deleteIfExists(work.resolve("prompts.txt")); // the tokens come from the cache alone
        try (ContextIndex index = TestIndexes.open(work.resolve("runs/index"))) {
            DashboardsCommand dashboards = new DashboardsCommand(() -> Optional.of(index));
            LocalMethodContext ctx = LocalMethodContext.withCache(work);
            assertEquals(0, ctx.run(dashboards, "--sae", "runs/sae/tiny", "--top", String.valueOf(TOP),
                    "--checkpoint", "runs/tiny"));
            Path out = work.resolve("runs/sae/tiny/dashboards");
            assertTrue(ctx.output().contains("dashboards for 64 latents"), ctx.output());
            List<Map<String, Object>> latents = (List<Map<String, Object>>) json(out.resolve("dashboards.json"))
                    .get("latents");
            assertEquals(64, latents.size());
            List<List<Act>> expected = recomputeTopContexts();
            long added = 0;
            int richest = -1;
            for (int i = 0; i < 64; i++) {
                Map<String, Object> card = latents.get(i);
                List<Map<String, Object>> contexts = (List<Map<String, Object>>) card.get("contexts");
                List<Act> want = expected.get(i).subList(0, Math.min(TOP, expected.get(i).size()));
                long firing = ((Double) card.get("count")).longValue();
                assertEquals(Math.min(TOP, firing), contexts.size(), "latent " + i);
                long surely = expected.get(i).stream().filter(a -> a.value() > 1e-4).count();
                assertTrue(firing >= surely && firing <= expected.get(i).size(), "latent " + i + " fires on "
                        + firing + " rows; recomputed " + surely + " clearly and " + expected.get(i).size() + " in all");
                for (int c = 0; c < contexts.size(); c++) {
                    Map<String, Object> got = contexts.get(c);
                    int seq = ((Double) got.get("seq")).intValue();
                    int pos = ((Double) got.get("pos")).intValue();
                    Act a = want.get(c);
                    assertEquals(a.value(), (Double) got.get("activation"), 1e-3 * Math.max(1, a.value()));
                    assertTrue(a.seq() == seq && a.pos() == pos || nearTie(expected.get(i), a.value(), seq, pos),
                            "latent " + i + " context " + c + ": " + seq + ":" + pos + " instead of " + a);
                    int from = Math.max(0, pos - 32);
                    int to = Math.min(TinyTextModel.WIDTH, pos + 9);
                    assertEquals(prompts.get(seq).substring(from, to), got.get("text"));
                    assertEquals(List.of((double) pos - from, (double) pos - from + 1), got.get("span"));
                }
                if (!contexts.isEmpty()) {
                    assertEquals(contexts.size(), index.count("feature:sae/L1/" + i), "indexed contexts of latent " + i);
                    added += contexts.size();
                    if (richest < 0) {
                        richest = i;
                    }
                }
                assertEquals(10, ((List<?>) card.get("promoted")).size());
            }
            assertTrue(ctx.output().contains(String.format("added %,d contexts to the context index", added)),
                    ctx.output());
            assertTrue(Files.readString(out.resolve("index.html")).contains("href=\"latents/" + richest + ".html\""));
            String page = Files.readString(out.resolve("latents/" + richest + ".html"));
            assertTrue(page.contains("class=fire") && page.contains("<svg") && page.contains("Promoted"), "page");

            // a whole word (as Lucene's standard analyzer splits text) from some latent's top context
            Pattern whole = Pattern.compile("(?<![\\w'\u2019])[A-Za-z]{4,}(?![\\w'\u2019])");
            int latent = -1;
            String word = null;
            for (int i = 0; i < 64 && word == null; i++) {
                for (Map<String, Object> c : (List<Map<String, Object>>) latents.get(i).get("contexts")) {
                    Matcher m = whole.matcher((String) c.get("text"));
                    if (m.find()) {
                        latent = i;
                        word = m.group().toLowerCase(Locale.ROOT);
                        break;
                    }
                }
            }
            assertTrue(word != null, "no context holds a whole word");
            Pattern wordPattern = Pattern.compile("(?<![\\w'\u2019])" + word + "(?![\\w'\u2019])",
                    Pattern.CASE_INSENSITIVE);
            List<String> textsWithWord = ((List<Map<String, Object>>) latents.get(latent).get("contexts")).stream()
                    .map(c -> (String) c.get("text")).filter(t -> wordPattern.matcher(t).find()).sorted().toList();
            long withWord = textsWithWord.size();
            // the index returns exactly this latent's dashboard contexts that hold the word, not just as many
            String query = "feature:sae/L1/" + latent + " AND " + word;
            List<ContextHit> hits = index.search(query, SearchOptions.defaults().withTop(TOP)).hits();
            assertEquals(textsWithWord, hits.stream().map(h -> h.record().text()).sorted().toList(), query);
            for (ContextHit h : hits) {
                assertEquals("sae/L1/" + latent, h.record().feature(), query);
            }
            assertEquals(withWord, index.count(query));
            assertTrue(index.count(word) >= withWord, "contexts containing \"" + word + "\"");
            var top = index.topFeatures("feature:sae/L1/" + latent + " AND " + word, 5);
            assertEquals(1, top.size());
            assertEquals("sae/L1/" + latent, top.get(0).feature());
            assertEquals(withWord, top.get(0).count());

            // again without any checkpoint (moved away): the same contexts, from the cache alone; no output tokens
            Files.move(work.resolve("runs/tiny"), work.resolve("moved-tiny"));
            LocalMethodContext again = LocalMethodContext.withCache(work);
            try {
                again.run(dashboards, "--sae", "runs/sae/tiny", "--prompts", "prompts.txt", "--top",
                        String.valueOf(TOP), "--out", "runs/sae/tiny/dash2");
            } finally {
                Files.move(work.resolve("moved-tiny"), work.resolve("runs/tiny"));
            }
            assertTrue(again.output().contains("--prompts is no longer needed and was not read"), again.output());
            assertTrue(again.output().contains("no output tokens: no checkpoint at runs/tiny"), again.output());
            List<Map<String, Object>> cacheOnly = (List<Map<String, Object>>) json(
                    work.resolve("runs/sae/tiny/dash2/dashboards.json")).get("latents");
            for (int i = 0; i < 64; i++) {
                assertEquals(latents.get(i).get("contexts"), cacheOnly.get(i).get("contexts"), "latent " + i);
                assertEquals(List.of(), cacheOnly.get(i).get("promoted"));
            }
            assertTrue(again.output().contains(String.format("replaced %,d earlier contexts", added)), again.output());
            assertEquals(added, index.count("feature:sae/L1/*"), "no duplicates on a second run");
            assertEquals(withWord, index.count("feature:sae/L1/" + latent + " AND " + word));
        }
    }

    @Test
    void badInputFailsWithProblemAndFix() throws Exception {
        LocalMethodContext ctx = LocalMethodContext.withCache(work);
        MethodCommand train = command("train");
        VivariumException run = assertThrows(VivariumException.class,
                () -> ctx.run(train, "--run", "nope", "--hook", HOOK));
        assertTrue(run.getMessage().contains("known runs: " + RUN), run.getMessage());
        VivariumException hook = assertThrows(VivariumException.class,
                () -> ctx.run(train, "--run", RUN, "--hook", "blocks.0.hook_resid_post"));
        assertTrue(hook.getMessage().contains("its hooks are " + HOOK), hook.getMessage());
        VivariumException kind = assertThrows(VivariumException.class,
                () -> ctx.run(train, "--run", RUN, "--hook", HOOK, "--kind", "gated"));
        assertTrue(kind.getMessage().contains("use --kind relu or --kind topk"), kind.getMessage());
        try (MapDbActivationCache c = MapDbActivationCache.open(work.resolve("runs/cache"));
                RunWriter w = c.newRun(new RunSpec("old-run", "tiny", "", "", 1, CacheDtype.F32, null))) {
            w.append(HOOK, 0, 0, new float[32]); // a run as a Vivarium without token storage wrote it
            w.finish();
        }
        VivariumException old = assertThrows(VivariumException.class, () -> ctx.run(command("dashboards"),
                "--sae", "runs/sae/tiny", "--run", "old-run", "--index", "never"));
        assertTrue(old.getMessage().startsWith("cache run old-run stores no token ids"), old.getMessage());
        assertTrue(old.fix().contains("'viv cache rm old-run', then 'viv cache CKPT --prompts FILE --hooks HOOKS --run"
                + " old-run'"), old.fix());
    }
}
