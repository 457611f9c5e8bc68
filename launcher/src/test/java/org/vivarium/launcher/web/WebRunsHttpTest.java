package org.vivarium.launcher.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.launcher.audit.AuditFixtures;
import org.yaml.snakeyaml.Yaml;

/**
 * HTTP-level tests of the runs pages of {@code viv serve} (home, run, audit, leaderboard, plots) and their JSON API,
 * against a real host and Jetty serving a runs directory written by the real report writers ({@link RunsFixture}).
 */
class WebRunsHttpTest {
    @TempDir
    static Path dir;
    static WebFixture web;

    @BeforeAll
    static void start() {
        RunsFixture.write(dir.resolve("runs"));
        web = WebFixture.start(dir, null);
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return WebServerHttpTest.send(HttpRequest.newBuilder(URI.create(web.server.url() + path.substring(1))).GET());
    }

    @Test
    void homeListsEveryRunWithOrganismSeedAndCheckStatus() throws Exception {
        HttpResponse<String> home = get("/");
        assertEquals(200, home.statusCode(), home.body());
        String b = home.body();
        assertTrue(b.contains("<a href=\"/run/induction\">induction</a></td><td>induction</td><td>7</td>"), b);
        assertTrue(b.contains("<span class=\"state bad\">FAIL</span>"), "one finding failed: " + b);
        assertTrue(b.contains("<a href=\"/run/backdoor-blind/seed-1\">backdoor-blind/seed-1</a></td><td>backdoor</td>"
                + "<td>1</td>"), b);
        assertTrue(b.contains("<a href=\"/audit/backdoor-blind/seed-1\">1 of 2 found, 1 false claim</a>"), b);
        assertTrue(b.contains("<a href=\"/audit/backdoor-blind/seed-2\">0 of 2 found, 2 false claims</a>"), b);
        assertTrue(b.contains("href=\"/run/backdoor-blind/seed-1/base\""), "nested runs are listed");
        assertTrue(b.contains("<a href=\"/leaderboard/backdoor-blind\">backdoor-blind</a>"), b);
        assertFalse(b.contains("escape") || b.contains(".hidden"), "links and hidden directories are not listed");

        JsonObject api = WebServerHttpTest.json(get("/api/runs"));
        List<String> ids = new ArrayList<>();
        api.getAsJsonArray("runs").forEach(r -> ids.add(r.getAsJsonObject().get("id").getAsString()));
        assertEquals(List.of("backdoor-blind/seed-1", "backdoor-blind/seed-1/base", "backdoor-blind/seed-2",
                "induction"), ids);
        JsonObject ind = api.getAsJsonArray("runs").get(3).getAsJsonObject();
        assertEquals("fail", ind.get("check").getAsString());
        assertEquals(7, ind.get("seed").getAsLong());
        assertEquals("/run/induction", ind.get("url").getAsString());
    }

    @Test
    void runPageShowsTheLossCurveCheckAndProvenance() throws Exception {
        HttpResponse<String> page = get("/run/induction");
        assertEquals(200, page.statusCode(), page.body());
        String b = page.body();
        assertTrue(b.contains("<svg class=\"loss-curve\""), b);
        int points = b.substring(b.indexOf("<polyline")).split("\"")[7].trim().split(" ").length;
        assertTrue(points > 100 && points <= LossCurve.MAX_POINTS + 1, "downsampled curve: " + points);
        assertTrue(b.contains(RunsFixture.STEPS + " steps; last loss"), b);
        assertTrue(b.contains("<img src=\"/file/induction/loss.png\""), b);
        assertTrue(b.contains("<td>induction_score</td><td>0.93</td>"), b);
        assertTrue(b.contains("<td>recipe</td><td>organism/induction</td>"), b);
        assertTrue(b.contains("&lt;b&gt;bold&lt;/b&gt;") && !b.contains("<b>bold</b>"), "settings are escaped");
        assertTrue(b.contains("&lt;img src=x onerror=alert(1)&gt;") && !b.contains("<img src=x"), "findings escaped");

        JsonObject run = WebServerHttpTest.json(get("/api/runs/induction"));
        assertEquals("organism/induction", run.getAsJsonObject("provenance").get("recipe").getAsString());
        assertFalse(run.getAsJsonObject("checkReport").get("passed").getAsBoolean());
        assertEquals(2, run.getAsJsonObject("checkReport").getAsJsonArray("findings").size());
        JsonObject loss = run.getAsJsonObject("loss");
        assertEquals(RunsFixture.STEPS, loss.get("rows").getAsInt());
        JsonArray steps = loss.getAsJsonArray("steps");
        assertEquals(1, steps.get(0).getAsInt());
        assertEquals(RunsFixture.STEPS, steps.get(steps.size() - 1).getAsInt(), "the last step is always kept");
        assertEquals(steps.size(), loss.getAsJsonObject("series").getAsJsonArray("loss").size());

        HttpResponse<String> seed = get("/run/backdoor-blind/seed-1");
        assertTrue(seed.body().contains("href=\"/run/backdoor-blind/seed-1/base\""), "links the runs inside");
        assertTrue(seed.body().contains("Not checked"), seed.body());
        assertTrue(seed.body().contains("href=\"/audit/backdoor-blind/seed-1\""), seed.body());
    }

    @Test
    void auditPageShowsScoreClaimsVerdictsAndPlots() throws Exception {
        HttpResponse<String> page = get("/audit/backdoor-blind/seed-1");
        assertEquals(200, page.statusCode(), page.body());
        String b = page.body();
        assertTrue(b.contains("Blind audit of backdoor"), b);
        assertTrue(b.contains("1 of 2 found, 1 false claim"), b);
        assertTrue(b.contains("<td>trigger</td><td>trigger</td><td>prompt text</td><td><span class=\"state ok\">found"),
                b);
        assertTrue(b.contains("<span class=\"state ok\">VERIFIED</span>")
                && b.contains("<span class=\"state bad\">FAILED</span>"), b);
        assertTrue(b.contains("<img src=\"/file/backdoor-blind/seed-1/audit/trigger-search/rates.png\""), b);
        assertFalse(b.contains("<script>"), "claims, evidence, notes and captions are escaped");
        assertTrue(b.contains("negative answers " + Html.esc(AuditFixtures.EVIL)), b);
        assertTrue(b.contains("notes " + Html.esc(AuditFixtures.EVIL)), b);

        JsonObject audit = WebServerHttpTest.json(get("/api/audits/backdoor-blind/seed-1"));
        assertEquals("backdoor-blind/seed-1", audit.get("run").getAsString());
        JsonObject report = audit.getAsJsonObject("report");
        assertTrue(report.get("blind").getAsBoolean());
        assertEquals(1, report.get("false_claims").getAsInt());
        assertEquals(2, report.getAsJsonArray("verdicts").size());
        assertEquals("/file/backdoor-blind/seed-1/audit/trigger-search/rates.png",
                audit.getAsJsonArray("figures").get(0).getAsJsonObject().get("url").getAsString());
        assertFalse(get("/api/audits/backdoor-blind/seed-1").body().contains("<script>"), "JSON escapes < too");
        JsonArray audits = WebServerHttpTest.json(get("/api/audits")).getAsJsonArray("audits");
        assertEquals(2, audits.size());
        assertEquals(404, get("/audit/induction").statusCode(), "induction has no audit");
    }

    @Test
    void leaderboardPageShowsFoundRatesPlotAndSeeds() throws Exception {
        HttpResponse<String> page = get("/leaderboard/backdoor-blind");
        assertEquals(200, page.statusCode(), page.body());
        String b = page.body();
        assertTrue(b.contains("Blind-audit leaderboard: backdoor"), b);
        assertTrue(b.contains("<td>trigger-search</td><td>1/2 (0.09–0.91)</td>"), b);
        assertTrue(b.contains("<img id=\"plot\" src=\"/file/backdoor-blind/leaderboard.png\""), b);
        assertTrue(b.contains("<a href=\"/audit/backdoor-blind/seed-2\">audit</a>"), b);
        assertTrue(b.contains("command: viv audit backdoor --blind"), b);

        JsonObject lb = WebServerHttpTest.json(get("/api/leaderboards/backdoor-blind"));
        assertEquals("/file/backdoor-blind/leaderboard.png", lb.get("png").getAsString());
        assertEquals("backdoor-blind/seed-1", lb.getAsJsonObject("seedRuns").getAsJsonObject("1").get("run")
                .getAsString());
        assertEquals(4, lb.getAsJsonObject("leaderboard").getAsJsonArray("cells").size());
        JsonArray all = WebServerHttpTest.json(get("/api/leaderboards")).getAsJsonArray("leaderboards");
        assertEquals(1, all.size());
        assertEquals(List.of(1, 2), List.of(all.get(0).getAsJsonObject().getAsJsonArray("seeds").get(0).getAsInt(),
                all.get(0).getAsJsonObject().getAsJsonArray("seeds").get(1).getAsInt()));
    }

    @Test
    void plotsAreServedAndNothingOutsideTheRunsDirectoryCanBeReached() throws Exception {
        HttpResponse<byte[]> png = bytes(web.uri("/file/backdoor-blind/leaderboard.png"));
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("content-type").orElse(""));
        assertEquals((byte) 0x89, png.body()[0]);
        assertEquals('P', png.body()[1]);
        assertTrue(Files.exists(dir.resolve("outside").resolve("secret.png")));
        for (String path : List.of("/file/escape/secret.png", "/run/escape", "/api/runs/escape",
                "/api/audits/escape", "/file/../outside/secret.png", "/file/%2e%2e/outside/secret.png",
                "/file/induction/..%2f..%2foutside/secret.png", "/file/induction/%2e%2e/%2e%2e/outside/secret.png",
                "/run/.hidden", "/api/runs/.hidden", "/file/induction/report.json",
                "/file/induction/checkpoint/provenance.json", "/file/%2ftmp%2fx.png", "/run/induction/..",
                "/api/leaderboards/..%2f..", "/leaderboard/induction", "/file/induction/..%5c..%5coutside%5csecret.png")) {
            HttpResponse<String> r = get(path);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " -> " + r.statusCode());
            assertFalse(r.body().contains("PNG") || r.body().contains("induction_score"), path);
        }
        for (String raw : List.of("/file/../outside/secret.png", "/file/induction/../../outside/secret.png",
                "/run/../outside", "/api/runs/../../outside")) {
            try (Socket s = new Socket("127.0.0.1", web.server.port())) {
                s.getOutputStream().write(("GET " + raw + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                String status = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().findFirst()
                        .orElse("");
                assertFalse(status.contains(" 200 "), raw + ": " + status);
            }
        }
    }

    private static HttpResponse<byte[]> bytes(URI uri) throws Exception {
        return WebServerHttpTest.HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Every API route the server registers is documented in docs/openapi.yaml and every documented host path is
     * served: a GET of it, with the path's example parameters, answers 200 with JSON. Paths a plugin contributes
     * carry {@code x-vivarium-plugin} and are checked with their plugin installed (PluginPagesHttpTest).
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyRegisteredApiRouteIsInOpenApiAndViceVersa() throws Exception {
        Map<String, Object> spec = new Yaml().load(Files.readString(openApi()));
        Map<String, Object> paths = new java.util.LinkedHashMap<>((Map<String, Object>) spec.get("paths"));
        paths.values().removeIf(v -> ((Map<String, Object>) v).containsKey("x-vivarium-plugin"));
        assertTrue(paths.size() >= 10, "host paths documented: " + paths.keySet());
        TreeSet<String> registered = new TreeSet<>();
        for (String route : web.server.routes()) {
            if (route.startsWith("/api/")) {
                registered.add(route);
            }
        }
        // the servlet pattern that serves a documented path: /api/runs/{id} and /api/runs both go to /api/runs/*
        TreeSet<String> documented = new TreeSet<>();
        for (String p : paths.keySet()) {
            String pattern = p.contains("{") ? p.substring(0, p.indexOf("/{")) + "/*" : p;
            documented.add(registered.contains(pattern) || !registered.contains(pattern + "/*") ? pattern
                    : pattern + "/*");
        }
        assertEquals(registered, documented, "servlet patterns under /api/ vs the paths of docs/openapi.yaml");
        for (Map.Entry<String, Object> e : paths.entrySet()) {
            String path = e.getKey();
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) e.getValue()).get("get");
            assertNotNull(get, path + " documents no GET");
            for (Object param : (List<Object>) get.getOrDefault("parameters", List.of())) {
                Map<String, Object> p = (Map<String, Object>) param;
                if ("path".equals(p.get("in"))) {
                    path = path.replace("{" + p.get("name") + "}", String.valueOf(p.get("example")));
                }
            }
            HttpResponse<String> r = get(path);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            JsonElement body = WebServerHttpTest.json(r);
            assertTrue(body.isJsonObject(), path);
        }
    }

    static Path openApi() {
        return Path.of(System.getProperty("vivarium.test.openapi", "../docs/openapi.yaml"));
    }
}
