package org.vivarium.launcher.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.model.Tokenizer;

/**
 * Feature pages by kind, with promoted and suppressed tokens read live from the runs directory
 * ({@link FeatureArtifactsFixture}: hand-set weights, so every expected logit below is worked out by hand from
 * {@code W_U[0][a] = 2, W_U[1][b] = 1, W_U[1][c] = -3, W_U[2][d] = 0.5}); and {@code /api} JSON that stays valid
 * when reports hold NaN.
 */
class FeaturePagesHttpTest {
    @TempDir
    static Path dir;
    static WebFixture web;
    static Tokenizer tok;

    @BeforeAll
    static void start() throws IOException {
        Path runs = dir.resolve("runs");
        FeatureArtifactsFixture.write(runs);
        Files.createDirectories(runs.resolve("nan-run"));
        Files.writeString(runs.resolve("nan-run").resolve("report.json"), "{\"title\":\"check\",\"passed\":false,"
                + "\"findings\":[],\"metrics\":{\"score\":NaN,\"up\":Infinity,\"ok\":0.5}}");
        Files.writeString(runs.resolve("nan-run").resolve("loss.csv"), "step,loss\n1,4.0\n2,nan\n3,-Infinity\n4,3.0\n");
        tok = FeatureArtifactsFixture.tokenizer();
        web = WebFixture.start(dir, null);
        FeatureArtifactsFixture.addContexts(web.index);
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
    }

    /** Parses strictly (RFC 8259: no NaN, no Infinity), unlike JsonParser, which is always lenient. */
    static JsonObject strict(HttpResponse<String> r) throws IOException {
        assertEquals(200, r.statusCode(), r.body());
        JsonReader reader = new JsonReader(new StringReader(r.body()));
        reader.setStrictness(Strictness.STRICT);
        return new Gson().getAdapter(JsonElement.class).read(reader).getAsJsonObject();
    }

    static JsonObject feature(String id) throws Exception {
        return strict(WebServerHttpTest.send(java.net.http.HttpRequest.newBuilder(web.uri("/api/feature/" + id)).GET()));
    }

    /** @return the feature's fields, after checking its kind and that model, hook and layer are among them */
    static JsonObject fields(JsonObject feature, String kind) {
        assertEquals(kind, feature.get("kind").getAsString());
        JsonObject f = feature.getAsJsonObject("fields");
        assertEquals("em-tiny", f.get("model").getAsString(), f.toString());
        assertTrue(f.has("hook") && f.has("layer"), f.toString());
        return f;
    }

    static void assertFields(JsonObject fields, String... labelsAndValues) {
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            assertEquals(labelsAndValues[i + 1], fields.has(labelsAndValues[i]) ? fields.get(labelsAndValues[i])
                    .getAsString() : null, labelsAndValues[i] + " in " + fields);
        }
    }

    static void assertToken(JsonArray list, int i, String token, double logit) {
        JsonObject t = list.get(i).getAsJsonObject();
        assertEquals(token, t.get("token").getAsString(), list.toString());
        assertEquals(FeatureArtifactsFixture.id(tok, token), t.get("id").getAsInt());
        assertEquals(logit, t.get("logit").getAsDouble(), 1e-6, list.toString());
    }

    @Test
    void saeLatentPromotesAndSuppressesItsDecoderRowThroughTheUnembedding() throws Exception {
        JsonObject o = feature("sae/L1/812");
        JsonObject f = fields(o, "sae_latent");
        // the checkpoint is found by the SAE's checkpoint hash (sae.json names another model)
        assertFields(f, "architecture", "topk", "k", "4", "latents", "813", "SAE", "runs/sae-l1", "checkpoint",
                "runs/em-tiny/checkpoint");
        assertEquals(Math.sqrt(1.25), f.get("|W_dec[latent]|").getAsDouble(), 1e-4);
        // W_dec[812] = (1, 0.5, 0...): a = 2*1, b = 0.5, c = -3*0.5, every other token 0 (ties by token id)
        JsonArray up = o.getAsJsonArray("promoted");
        assertEquals(2, up.size(), "only tokens it raises: " + up);
        assertToken(up, 0, "a", 2.0);
        assertToken(up, 1, "b", 0.5);
        assertEquals(1, o.getAsJsonArray("suppressed").size());
        assertToken(o.getAsJsonArray("suppressed"), 0, "c", -1.5);
        assertTrue(o.get("outputBasis").getAsString().contains("W_dec[latent] · W_U"));
    }

    @Test
    void neuronPromotesItsOutputWeightsThroughTheUnembedding() throws Exception {
        JsonObject o = feature("neuron/L0/12");
        JsonObject f = fields(o, "neuron");
        assertFields(f, "d_mlp", "64", "neuron", "12", "checkpoint", "runs/em-tiny/checkpoint");
        assertFalse(f.has("architecture"), "SAE fields are not neuron fields");
        assertEquals(Math.sqrt(17), f.get("|W_out[neuron]|").getAsDouble(), 1e-4);
        // W_out[12] = (0, -1, 4, 0...): b = -1, c = -3 * -1 = 3, d = 0.5 * 4 = 2
        assertToken(o.getAsJsonArray("promoted"), 0, "c", 3.0);
        assertToken(o.getAsJsonArray("promoted"), 1, "d", 2.0);
        assertToken(o.getAsJsonArray("suppressed"), 0, "b", -1.0);
        assertEquals(2, o.getAsJsonArray("promoted").size());
        assertEquals(1, o.getAsJsonArray("suppressed").size());
    }

    @Test
    void probeShowsItsScoresAndItsDirectionsOutputTokens() throws Exception {
        JsonObject o = feature("probe/misaligned@L1");
        JsonObject f = fields(o, "probe");
        assertFields(f, "probe kind", "logistic", "accuracy", "0.875", "probes", "runs/probes/misaligned");
        // direction (-1, 0...): a = 2 * -1
        assertToken(o.getAsJsonArray("suppressed"), 0, "a", -2.0);
        assertEquals(0, o.getAsJsonArray("promoted").size(), "it raises no token");
    }

    @Test
    void aFeatureWithoutADirectionSaysWhyThereAreNoOutputTokens() throws Exception {
        JsonObject missing = feature("neuron/L3/5");
        assertTrue(missing.get("promoted").isJsonNull(), missing.toString());
        assertEquals("checkpoint runs/em-tiny/checkpoint has no MLP neuron 5 in layer 3, so no output tokens",
                missing.get("outputNote").getAsString());
        JsonObject unit = feature("unit/blocks.0.hook_resid_post/3");
        assertEquals("other", unit.get("kind").getAsString());
        assertTrue(unit.get("suppressed").isJsonNull());
        assertEquals("features of source \"unit\" have no known direction, so no output tokens",
                unit.get("outputNote").getAsString());
        String page = WebServerHttpTest.get(web, "/feature/neuron/L3/5").body();
        assertTrue(page.contains("<p id=\"output-note\" class=\"note\">checkpoint runs/em-tiny/checkpoint has no"), page);
        assertFalse(page.contains("<table id=\"promoted\">"), page);
        String zero = WebServerHttpTest.get(web, "/feature/sae/L1/7").body(); // latent 7's decoder row is all zero
        assertTrue(zero.contains("<p id=\"no-effect\">The direction moves no logit.</p>"), zero);
    }

    @Test
    void pagesDifferByKindAndListTheTokens() throws Exception {
        String sae = WebServerHttpTest.get(web, "/feature/sae/L1/812").body();
        assertTrue(sae.contains(">SAE latent</p>"), sae);
        assertTrue(sae.contains("<th>architecture</th><td>topk</td>"), sae);
        assertTrue(sae.contains("<table id=\"promoted\"><tr><th>Promoted</th><th>logit</th></tr><tr><td><code>a</code>"
                + "</td><td>+2.0000</td></tr>"), sae);
        assertTrue(sae.contains("<table id=\"suppressed\">"), sae);
        assertTrue(sae.contains("<svg class=\"histogram\""), "the histogram stays");
        assertTrue(sae.contains("<mark>password</mark>"), "the top contexts with the firing token stay");
        String neuron = WebServerHttpTest.get(web, "/feature/neuron/L0/12").body();
        assertTrue(neuron.contains(">MLP neuron</p>"), neuron);
        assertTrue(neuron.contains("<th>d_mlp</th><td>64</td>"), neuron);
        assertFalse(neuron.contains("<th>architecture</th>"));
        String probe = WebServerHttpTest.get(web, "/feature/probe/misaligned@L1").body();
        assertTrue(probe.contains(">probe</p>") && probe.contains("<th>probe kind</th><td>logistic</td>"), probe);
    }

    @Test
    void apiJsonHasNullForNumbersThatAreNotFiniteAndStaysValid() throws Exception {
        HttpResponse<String> r = WebServerHttpTest.get(web, "/api/runs/nan-run");
        JsonObject run = strict(r); // bare NaN or Infinity would fail here
        JsonArray loss = run.getAsJsonObject("loss").getAsJsonObject("series").getAsJsonArray("loss");
        assertEquals(4.0, loss.get(0).getAsDouble());
        assertTrue(loss.get(1).isJsonNull() && loss.get(2).isJsonNull(), "a cell that is not a finite number: " + loss);
        assertEquals(3.0, loss.get(3).getAsDouble());
        JsonObject metrics = run.getAsJsonObject("checkReport").getAsJsonObject("metrics");
        assertEquals("NaN", metrics.get("score").getAsString(), "values copied from a report file stay as written");
        assertEquals("Infinity", metrics.get("up").getAsString());
        assertEquals(0.5, metrics.get("ok").getAsDouble());
        assertEquals("NaN", feature("probe/misaligned@L1").getAsJsonObject("fields").get("auroc").getAsString());
        JsonReader bare = new JsonReader(new StringReader("{\"x\":NaN}"));
        bare.setStrictness(Strictness.STRICT);
        assertThrows(IOException.class, () -> new Gson().getAdapter(JsonElement.class).read(bare),
                "the strict parser used here does refuse NaN");
    }
}
