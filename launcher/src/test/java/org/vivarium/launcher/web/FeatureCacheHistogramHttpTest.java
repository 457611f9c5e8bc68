package org.vivarium.launcher.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.cache.RunSpec;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.linalg.FloatMatrix;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.cache.MapDbActivationCache;
import org.vivarium.linalg.nd4j.Nd4jLinearAlgebra;
import org.vivarium.testkit.TinyCheckpoint;

/**
 * Feature-page histograms read live from a real MapDB activation cache ({@code runs/cache}) with a tiny TopK SAE
 * (k = 4) whose encoder is set by hand: latent 812's pre-activation is {@code 2 (x0 - 0.25)} and latents 0-3 sit at
 * {@code b_enc = 1}, so 812 is active only above 1 (at exactly 1 it loses the tie to the lower indices). The cached run
 * {@code run1} has ten tokens with {@link #X0} as their first value and {@link #NEURON} as neuron 12 of layer 0.
 */
class FeatureCacheHistogramHttpTest {
    /** The first residual value of the ten cached tokens (two sequences of five). */
    static final float[] X0 = {0f, 0.5f, 0.75f, 1f, 1.25f, 1.5f, 2f, 2.25f, 3.25f, -1f};
    /** Neuron 12's cached hook_post values of the same tokens. */
    static final float[] NEURON = {0f, -0.5f, 0f, 1f, 1f, 2f, 0f, 3.5f, 0f, 1.5f};
    static final String RESID = "blocks.1.hook_resid_post";
    static final String MLP = "blocks.0.mlp.hook_post";
    @TempDir
    static Path dir;
    static WebFixture web;
    static Path cache;

    @BeforeAll
    static void start() throws IOException {
        Path runs = dir.resolve("runs");
        FeatureArtifactsFixture.write(runs);
        int d = TinyCheckpoint.over("abcdefgh").config().dModel();
        int dMlp = TinyCheckpoint.over("abcdefgh").config().dMlp();
        float[] wEnc = new float[d * 813];
        wEnc[812] = 2f; // W_enc[0][812]
        float[] bEnc = new float[813];
        java.util.Arrays.fill(bEnc, 0, 4, 1f);
        float[] bDec = new float[d];
        bDec[0] = 0.25f;
        Nd4jLinearAlgebra la = Nd4jLinearAlgebra.shared();
        Path sae = runs.resolve("sae-l1");
        la.writeNpy(sae.resolve("W_enc.npy"), new FloatMatrix(d, 813, wEnc));
        la.writeNpy(sae.resolve("b_enc.npy"), bEnc);
        la.writeNpy(sae.resolve("b_dec.npy"), bDec);
        cache = runs.resolve("cache");
        try (MapDbActivationCache c = MapDbActivationCache.open(cache); RunWriter w = c.newRun(spec("run1"))) {
            for (int t = 0; t < X0.length; t++) {
                float[] x = new float[d];
                x[0] = X0[t];
                x[1] = 7f; // W_enc has no weight on it: must not matter
                float[] m = new float[dMlp];
                m[12] = NEURON[t];
                m[13] = 100f;
                w.append(RESID, t / 5, t % 5, x);
                w.append(MLP, t / 5, t % 5, m);
            }
            w.finish();
        }
        web = WebFixture.start(dir, null);
        FeatureArtifactsFixture.addContexts(web.index);
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
    }

    static RunSpec spec(String id) {
        Provenance p = new Provenance("cache-run", "test/hand-set", Map.of(), 1, "", "test", "", "now", Map.of());
        return new RunSpec(id, "em-tiny", "", "", 2, null, p);
    }

    static JsonObject histogram(String feature) throws Exception {
        return FeaturePagesHttpTest.strict(WebServerHttpTest.get(web, "/api/feature/" + feature))
                .getAsJsonObject("histogram");
    }

    static long[] counts(JsonObject h) {
        JsonArray bins = h.getAsJsonArray("bins");
        long[] out = new long[bins.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bins.get(i).getAsJsonObject().get("count").getAsLong();
        }
        return out;
    }

    @Test
    void saeLatentHistogramIsItsTopKActivationsOverEveryCachedToken() throws Exception {
        JsonObject h = histogram("sae/L1/812");
        assertEquals("cache", h.get("source").getAsString(), h.toString());
        assertEquals(10, h.get("tokens").getAsLong());
        // pre = 2 (x0 - 0.25): -0.5, 0.5, 1, 1.5, 2, 2.5, 3.5, 4, 6, -2.5; active only above the four latents at 1:
        // 1.5, 2, 2.5, 3.5, 4, 6 (ReLU would also keep 0.5 and 1)
        assertEquals(6, h.get("sampled").getAsInt());
        assertEquals(1.5, h.get("min").getAsDouble(), 1e-6);
        assertEquals(6.0, h.get("max").getAsDouble(), 1e-6);
        long[] expected = new long[20]; // bin width (6 - 1.5) / 20 = 0.225
        for (int bin : new int[] {0, 2, 4, 8, 11, 19}) { // 0/0.225, 0.5/0.225, 1/0.225, 2/0.225, 2.5/0.225, last
            expected[bin]++;
        }
        assertArrayEquals(expected, counts(h));
        String page = WebServerHttpTest.get(web, "/feature/sae/L1/812").body();
        assertTrue(page.contains("<p id=\"histogram-note\" class=\"note\">histogram from the cache (10 tokens): all 10"
                + " cached tokens of run run1, hook " + RESID + ", 6 non-zero activations</p>"), page);
    }

    @Test
    void neuronHistogramIsItsCachedHookPostColumn() throws Exception {
        JsonObject h = histogram("neuron/L0/12");
        assertEquals("cache", h.get("source").getAsString(), h.toString());
        assertEquals(10, h.get("sampled").getAsInt(), "every value, zeros included");
        assertEquals(-0.5, h.get("min").getAsDouble(), 1e-6);
        assertEquals(3.5, h.get("max").getAsDouble(), 1e-6);
        long[] expected = new long[20]; // width 0.2: -0.5 -> 0, 0 -> 2 (x4), 1 -> 7 (x2), 1.5 -> 10, 2 -> 12, 3.5 -> 19
        expected[0] = 1;
        expected[2] = 4;
        expected[7] = 2;
        expected[10] = 1;
        expected[12] = 1;
        expected[19] = 1;
        assertArrayEquals(expected, counts(h));
        assertTrue(WebServerHttpTest.get(web, "/feature/neuron/L0/12").body().contains("histogram from the cache (10"
                + " tokens)"));
    }

    @Test
    void featuresTheCacheLacksFallBackToTheIndexWithTheReason() throws Exception {
        JsonObject neuron = histogram("neuron/L3/5");
        assertEquals("index", neuron.get("source").getAsString());
        assertTrue(neuron.get("tokens").isJsonNull());
        assertEquals("from the index (all 1 indexed contexts), not the cache: the activation cache has no run with"
                + " hook blocks.3.mlp.hook_post for this feature", neuron.get("note").getAsString());
        JsonObject probe = histogram(FeatureArtifactsFixture.PROBE);
        assertEquals(2, probe.get("sampled").getAsInt());
        assertTrue(probe.get("note").getAsString().endsWith("the activation cache holds no activations of a probe"),
                probe.toString());
        String page = WebServerHttpTest.get(web, "/feature/neuron/L3/5").body();
        assertTrue(page.contains("histogram from the index (all 1 indexed contexts), not the cache"), page);
    }

    @Test
    void viewCacheWritesWhileTheServerServesHistogramsFromIt() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<String> sources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    HttpResponse<String> r = WebServerHttpTest.get(web, "/api/feature/sae/L1/812");
                    JsonObject h = FeaturePagesHttpTest.strict(r).getAsJsonObject("histogram");
                    synchronized (sources) {
                        sources.add(h.get("source").getAsString());
                    }
                } catch (Exception | AssertionError e) {
                    synchronized (sources) {
                        problems.add(e.toString());
                    }
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 3; i++) {
                Thread.sleep(100);
                // as 'viv cache' does: open (waiting for a request in flight), write a run, finish, close
                try (MapDbActivationCache c = MapDbActivationCache.open(cache); RunWriter w = c.newRun(spec("extra" + i))) {
                    w.append(RESID, 0, 0, new float[TinyCheckpoint.over("abcdefgh").config().dModel()]);
                    w.finish();
                }
            }
        } finally {
            stop.set(true);
            reader.join();
        }
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(sources.contains("cache"), "the server kept serving from the cache: " + sources);
        try (MapDbActivationCache c = MapDbActivationCache.open(cache)) {
            assertEquals(4, c.runs().size(), "all three writes landed");
            JsonObject during = histogram("sae/L1/812"); // the writer holds the store now
            assertEquals("index", during.get("source").getAsString());
            assertTrue(during.get("note").getAsString().contains("the activation cache could not be read"
                    + " (activation cache"), during.toString());
        }
        assertEquals("cache", histogram("sae/L1/812").get("source").getAsString(), "served from the cache again");
    }
}
