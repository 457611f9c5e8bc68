package org.vivarium.launcher.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.launcher.host.HostOptions;
import org.vivarium.launcher.host.VivariumHost;
import org.vivarium.launcher.plugins.PluginInfo;
import org.vivarium.launcher.support.TestHomes;
import org.vivarium.launcher.support.Await;

/**
 * Plugin pages through the HTTP Whiteboard, over HTTP against the real host, Jetty, the real steering plugin jar and
 * a tiny real checkpoint: installing the plugin adds its pages live, uninstalling removes them; the playground's POSTs
 * need the host's CSRF token, escape what they echo, refuse bad input with the fix, and run one at a time.
 */
class PluginPagesHttpTest {
    @TempDir
    static Path dir;
    static WebFixture web;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @BeforeAll
    static void start() {
        web = WebFixture.start(dir, null);
        SteeringPlugin.writeCheckpoint(dir);
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
    }

    @BeforeEach
    void installed() {
        if (web.host.plugins().list().stream().noneMatch(p -> p.name().equals("steering"))) {
            SteeringPlugin.install(web);
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(web.uri(path)).GET());
    }

    static HttpResponse<String> postForm(Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(web.uri("/steering"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> postJson(String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(web.uri("/api/steering/generate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("X-Vivarium-CSRF", token);
        }
        return send(b);
    }

    static String token() throws Exception {
        return JsonParser.parseString(get("/api/csrf").body()).getAsJsonObject().get("token").getAsString();
    }

    static Map<String, String> form(String coefficient) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("checkpoint", SteeringPlugin.CHECKPOINT);
        f.put("positive", "good happy kind\nthe cat is good");
        f.put("negative", "bad sad cruel\nthe cat is bad");
        f.put("hook", "blocks.0.hook_resid_post");
        f.put("coefficient", coefficient);
        f.put("tokens", "12");
        f.put("prompt", "the cat <script>alert('x')</script>");
        return f;
    }

    static String json(String coefficient, int tokens) {
        return "{\"checkpoint\": \"runs/tiny\", \"positive\": [\"good happy kind\", \"the cat is good\"], \"negative\":"
                + " [\"bad sad cruel\", \"the cat is bad\"], \"hook\": \"blocks.0.hook_resid_post\", \"coefficient\": "
                + coefficient + ", \"tokens\": " + tokens + ", \"prompt\": \"the dog\"}";
    }

    @Test
    void installingThePluginAddsItsPagesAndUninstallingRemovesThem() throws Exception {
        assertEquals(200, get("/steering").statusCode());
        JsonArray pages = JsonParser.parseString(get("/api/pages").body()).getAsJsonObject().getAsJsonArray("pages");
        assertEquals(1, pages.size(), pages.toString());
        JsonObject page = pages.get(0).getAsJsonObject();
        assertEquals("Steering playground", page.get("title").getAsString());
        assertEquals("/steering", page.get("path").getAsString());
        assertEquals("org.vivarium.plugin.steering", page.get("bundle").getAsString());
        assertTrue(get("/").body().contains("<a href=\"/steering\">Steering playground</a>"), "listed on the home page");
        String navLink = "<a class=\"plugin-page\" href=\"/steering\" title=\"org.vivarium.plugin.steering\">Steering"
                + " playground</a>";
        for (String path : List.of("/", "/search", "/feature/sae/L1/7", "/no-such-page", "/steering")) {
            String nav = nav(get(path).body());
            assertTrue(nav.contains(navLink), path + " has the plugin page in its navigation bar: " + nav);
        }
        PluginInfo info = web.host.plugins().list().stream().filter(p -> p.name().equals("steering")).findFirst()
                .orElseThrow();
        assertTrue(info.healthy(), info.toString());

        web.host.plugins().uninstall("steering");
        assertTrue(Await.until(() -> SteeringPlugin.status(web.uri("/steering")) == 404, Duration.ofSeconds(20)),
                "the page must go with its plugin");
        assertEquals(404, get("/steering").statusCode());
        assertEquals(404, get("/api/steering/generate").statusCode(), "405 while the endpoint exists, 404 without");
        assertEquals(0, JsonParser.parseString(get("/api/pages").body()).getAsJsonObject().getAsJsonArray("pages")
                .size());
        assertTrue(get("/").body().contains("No installed plugin contributes a page."));
        for (String path : List.of("/", "/search", "/no-such-page")) {
            assertFalse(nav(get(path).body()).contains("plugin-page"), path + " links no plugin page any more");
        }

        SteeringPlugin.install(web);
        assertEquals(200, get("/steering").statusCode(), "installing it again brings the page back");
        assertTrue(nav(get("/search").body()).contains(navLink), "and its link");
    }

    @Test
    void withoutAWebServerThePagesWaitAndThePluginIsHealthy(@TempDir Path other) {
        try (VivariumHost host = new VivariumHost(HostOptions.forHome(TestHomes.create(other.resolve("home"))),
                TestHomes.stubRuntime())) {
            host.start();
            PluginInfo info = host.plugins().install(SteeringPlugin.jar());
            assertTrue(info.healthy(), "a page waiting for viv serve is not a problem: " + info);
            assertTrue(info.methods().contains("steering"), info.toString());
        }
    }

    @Test
    void theFormGeneratesSteeredBesideUnsteeredAndEscapesWhatItEchoes() throws Exception {
        HttpResponse<String> page = get("/steering");
        assertTrue(page.headers().firstValue("content-security-policy").orElse("").contains("default-src 'none'"),
                "the host's security headers cover plugin pages");
        assertTrue(page.body().contains("<option value=\"runs/tiny\">"), "checkpoints in the work dir are offered");
        Matcher m = CSRF_FIELD.matcher(page.body());
        assertTrue(m.find(), page.body());
        Map<String, String> f = form("20");
        f.put("csrf", m.group(1));
        HttpResponse<String> r = postForm(f);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("id=\"unsteered\"") && r.body().contains("id=\"steered\""), r.body());
        assertFalse(r.body().contains("<script>"), "the prompt is echoed escaped");
        assertTrue(r.body().contains("the cat &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), r.body());

        f.put("checkpoint", "runs/missing");
        HttpResponse<String> bad = postForm(f);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("error: checkpoint runs/missing does not exist"), bad.body());
        assertTrue(bad.body().contains("pick one of runs/tiny"), bad.body());
    }

    @Test
    void postsWithoutTheHostsTokenAreRefused() throws Exception {
        Map<String, String> f = form("4");
        assertEquals(403, postForm(f).statusCode());
        f.put("csrf", "forged");
        HttpResponse<String> forged = postForm(f);
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("no valid CSRF token"), forged.body());
        HttpResponse<String> api = postJson(json("4", 4), null);
        assertEquals(403, api.statusCode());
        assertTrue(JsonParser.parseString(api.body()).getAsJsonObject().get("fix").getAsString().contains("/api/csrf"));
        assertEquals(405, get("/api/steering/generate").statusCode(), "generation is a POST");
    }

    @Test
    void theJsonApiGeneratesAndRefusesBadInputWithTheFix() throws Exception {
        String token = token();
        HttpResponse<String> r = postJson(json("20", 12), token);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("runs/tiny", o.get("checkpoint").getAsString());
        assertEquals("blocks.0.hook_resid_post", o.get("hook").getAsString());
        assertEquals(20.0, o.get("coefficient").getAsDouble());
        assertNotEquals(o.get("unsteered").getAsString(), o.get("steered").getAsString());

        Map<String, String> cases = Map.of(
                json("20", 12).replace("runs/tiny", "runs/none"), "checkpoint runs/none does not exist",
                json("20", 12).replace("blocks.0.hook_resid_post", "blocks.5.hook_resid_post"), "unknown hook name",
                json("1000", 12), "coefficient 1000 is out of range",
                "[1, 2]", "not a JSON object");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> bad = postJson(c.getKey(), token);
            assertEquals(400, bad.statusCode(), c.getKey());
            JsonObject e = JsonParser.parseString(bad.body()).getAsJsonObject();
            assertTrue(e.get("error").getAsString().contains(c.getValue()), bad.body());
            assertFalse(e.get("fix").getAsString().isBlank(), bad.body());
        }
    }

    @Test
    void aSecondGenerationWhileOneRunsGetsA503() throws Exception {
        String token = token();
        int refused = 0;
        String refusal = "";
        HttpResponse<String> long200 = null;
        // a short request may take the playground just before the long one does; then the long one is refused: retry
        for (int attempt = 0; attempt < 3 && (long200 == null || refused == 0); attempt++) {
            CompletableFuture<HttpResponse<String>> longOne = CompletableFuture.supplyAsync(() -> {
                try {
                    return postJson(json("4", 100), token);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            refused = 0;
            while (!longOne.isDone()) {
                HttpResponse<String> other = postJson(json("4", 1), token);
                if (other.statusCode() == 503) {
                    refused++;
                    refusal = other.body();
                    assertEquals("5", other.headers().firstValue("retry-after").orElse(""));
                } else {
                    assertEquals(200, other.statusCode(), other.body());
                }
            }
            long200 = longOne.get().statusCode() == 200 ? longOne.get() : null;
        }
        assertTrue(long200 != null, "the 100-token generation never ran");
        assertTrue(refused > 0, "no request overlapped the 100-token generation");
        assertTrue(refusal.contains("another generation is running"), refusal);
    }

    /** @return the navigation bar of a page */
    static String nav(String html) {
        int from = html.indexOf("<nav>");
        assertTrue(from >= 0, html);
        return html.substring(from, html.indexOf("</nav>", from) + 6);
    }
}
