package org.vivarium.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model commands end to end through {@link Viv#run}, on a real (briefly trained) language-model
 * organism: train, run with caching, cache into MapDB and export, index neuron contexts into Lucene,
 * search them, and the one-line errors for bad input.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelCommandsTest {
    @TempDir
    static Path dir;
    private static Path prompts;

    private record Result(int code, String out, String err) {
    }

    private static Result viv(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> Viv.run(args, InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void train() throws Exception {
        prompts = dir.resolve("prompts.txt");
        Files.write(prompts, List.of("# one prompt per line", "The economy of the nation is strong.",
                "We will protect our families and our children.", "Congress must pass this bill this year.",
                "Our soldiers serve with honor around the world.", "Tonight I ask the Congress to act."));
        Result r = viv("organism", "train", "lm", "--steps", "60", "--out", dir.resolve("lm").toString(), "--no-check");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trained lm: 60 steps"), r.out());
    }

    @Test
    @Order(1)
    void runShowsPredictionsCachesHooksAndSavesSafetensors() throws Exception {
        Path st = dir.resolve("acts.safetensors");
        Result r = viv("run", dir.resolve("lm").toString(), "--prompt", "The state of the", "--cache",
                "blocks.*.hook_resid_post,blocks.0.attn.hook_pattern", "--save", st.toString(), "--generate", "10");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("next token:"), r.out());
        assertTrue(r.out().contains("blocks.1.hook_resid_post") && r.out().contains("[1, 4, 16, 16]"), r.out());
        assertTrue(Files.size(st) > 1000);
    }

    @Test
    @Order(2)
    void cacheStoresExportsAndLists() throws Exception {
        Path store = dir.resolve("cache");
        Result r = viv("cache", dir.resolve("lm").toString(), "--prompts", prompts.toString(), "--hooks",
                "blocks.0.hook_resid_post", "--run", "r1", "--store", store.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("cached run r1"), r.out());
        // the bar knows the total once the prompts are tokenized, so its last line reads 100%
        assertTrue(r.err().contains("100%"), r.err());
        Result ls = viv("cache", "ls", "--store", store.toString());
        assertTrue(ls.out().contains("r1"), ls.out());
        Path npy = dir.resolve("r1.npy");
        Result ex = viv("cache", "export", "r1", "--hook", "blocks.0.hook_resid_post", "--format", "npy", "--out",
                npy.toString(), "--store", store.toString());
        assertEquals(0, ex.code(), ex.err());
        assertTrue(Files.size(npy) > 128 * 4 * 100, "one row of 128 floats per token");
    }

    @Test
    @Order(3)
    void indexedNeuronContextsAreSearchable() {
        Path index = dir.resolve("index");
        Result r = viv("index", "units", dir.resolve("lm").toString(), "--prompts", prompts.toString(), "--hook",
                "blocks.0.mlp.hook_post", "--top", "3", "--index", index.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("indexed"), r.out());
        Result s = viv("search", "Congress", "--top", "3", "--index", index.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("neuron/L0/"), s.out());
        Result f = viv("search", "feature:neuron/L0/5", "--index", index.toString());
        assertEquals(0, f.code(), f.err());
        // --top 3 keeps three contexts per neuron; shown by activation, highest first, all of neuron 5
        List<String> fLines = f.out().lines().toList();
        assertTrue(fLines.get(0).startsWith("3 contexts match \"feature:neuron/L0/5\" (top 3 by activation)"), f.out());
        assertEquals(5, fLines.size(), "summary, header and one row per context: " + f.out());
        double previous = Double.POSITIVE_INFINITY;
        for (String row : fLines.subList(2, 5)) {
            String[] cols = row.trim().split("\\s+", 4);
            assertEquals("neuron/L0/5", cols[2], row);
            double act = Double.parseDouble(cols[1]);
            assertTrue(act >= 0 && act <= previous, "activations above --min 0 and descending: " + f.out());
            previous = act;
        }
        Result agg = viv("search", "Congress", "--features", "--index", index.toString());
        assertEquals(0, agg.code(), agg.err());
        // the per-feature view covers the same matching contexts as the plain search, ranked by count
        long matching = Long.parseLong(s.out().lines().findFirst().orElseThrow()
                .replaceAll("^([0-9,]+) contexts match .*", "$1").replace(",", ""));
        List<String> aggLines = agg.out().lines().toList();
        assertTrue(aggLines.get(0).startsWith(String.format(java.util.Locale.ROOT,
                "features firing on the %,d contexts matching \"Congress\"", matching)), agg.out() + "\n" + s.out());
        assertTrue(aggLines.size() > 2, "at least one feature row: " + agg.out());
        long previousCount = Long.MAX_VALUE;
        for (String row : aggLines.subList(2, aggLines.size())) {
            String[] cols = row.trim().split("\\s+");
            long count = Long.parseLong(cols[1].replace(",", ""));
            assertTrue(count >= 1 && count <= 3 && count <= previousCount,
                    "1 to 3 contexts per neuron (--top 3), by count: " + agg.out());
            assertTrue(cols[4].startsWith("neuron/L0/"), row);
            previousCount = count;
        }

        Result again = viv("index", "units", dir.resolve("lm").toString(), "--prompts", prompts.toString(), "--hook",
                "blocks.0.mlp.hook_post", "--top", "3", "--index", index.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("replacing"), "indexing again replaces, never duplicates: " + again.out());
        long indexed = Long.parseLong(r.out().replaceAll("(?s).*indexed ([0-9,]+) contexts.*", "$1").replace(",", ""));
        Result all = viv("index", "delete", "*", "--index", index.toString());
        assertEquals(2, all.code(), "deleting everything needs --all");
        Result del = viv("index", "delete", "feature:neuron/L0/5", "--index", index.toString());
        assertEquals(0, del.code(), del.err());
        assertTrue(del.out().matches("(?s)deleted [0-9]+ contexts matching feature:neuron/L0/5 .*left\\).*"), del.out());
        long deleted = Long.parseLong(del.out().replaceAll("(?s)deleted ([0-9]+) .*", "$1"));
        assertEquals(3, deleted, "the three contexts the search showed: " + del.out());
        assertTrue(del.out().contains(String.format(java.util.Locale.ROOT, "(%,d left)", indexed - deleted)), del.out());
        Result gone = viv("search", "feature:neuron/L0/5", "--index", index.toString());
        assertTrue(gone.out().startsWith("0 contexts match"), gone.out());
    }

    @Test
    @Order(4)
    void badInputIsOneClearErrorLine() {
        Result missing = viv("cache", dir.resolve("lm").toString(), "--prompts", dir.resolve("none.txt").toString(),
                "--hooks", "blocks.0.hook_resid_post", "--store", dir.resolve("cache2").toString());
        assertEquals(1, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("none.txt"), missing.err());
        Result hook = viv("run", dir.resolve("lm").toString(), "--prompt", "x", "--cache", "blocks.9.hook_z");
        assertEquals(1, hook.code());
        assertTrue(hook.err().contains("valid names are"), hook.err());
        Result query = viv("search", "foo AND (", "--index", dir.resolve("index").toString());
        assertEquals(1, query.code());
        assertTrue(query.err().contains("syntax"), query.err());
    }

    @Test
    @Order(5)
    void benchmarksRun() {
        Result r = viv("bench", "train", "--config", "induction", "--steps", "3");
        assertEquals(0, r.code(), r.err());
        // one line for the one config: the induction organism's architecture, 32 x 40 tokens per step
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("train +induction +([0-9,]+) params +batch 32 x 40"
                + " +3 steps +([0-9.]+) s +([0-9.]+) steps/s +([0-9,]+) tokens/s").matcher(r.out().strip());
        assertTrue(m.matches(), r.out());
        assertEquals(org.vivarium.organisms.induction.InductionOrganism.modelConfig().parameterCount(),
                Long.parseLong(m.group(1).replace(",", "")), r.out());
        double stepsPerSecond = Double.parseDouble(m.group(3));
        double tokensPerSecond = Double.parseDouble(m.group(4).replace(",", ""));
        assertTrue(tokensPerSecond > 0, r.out());
        // tokens/s = steps/s x 1,280 tokens, up to the rounding of steps/s to one decimal
        assertEquals(stepsPerSecond * 32 * 40, tokensPerSecond, 0.05 * 32 * 40 + 1, r.out());
    }
}
