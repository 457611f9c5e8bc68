package org.vivarium.launcher.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP-level tests of {@code viv serve} against a real host, real Jetty and a real index, on a free port. */
class WebServerHttpTest {
    @TempDir
    static Path dir;
    static WebFixture web;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        web = WebFixture.start(dir, null);
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(web, path);
    }

    static HttpResponse<String> get(WebFixture server, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.uri(path)).GET());
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), r.headers().toString());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    void searchApiReturnsHighlightedHitsFacetsAndPages() throws Exception {
        HttpResponse<String> r = get("/api/search?q=password");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject o = json(r);
        assertEquals("password", o.get("query").getAsString());
        assertEquals(49, o.get("totalHits").getAsLong());
        assertEquals(20, o.getAsJsonArray("hits").size());
        assertTrue(o.get("hasNext").getAsBoolean());
        JsonObject first = o.getAsJsonArray("hits").get(0).getAsJsonObject();
        assertEquals("sae/L1/812", first.get("feature").getAsString(), "highest activation first");
        assertEquals("password", first.get("token").getAsString());
        assertTrue(first.get("html").getAsString().contains("<mark>password</mark>"), first.toString());
        assertEquals("/feature/sae/L1/812", first.get("url").getAsString());
        JsonArray facets = o.getAsJsonArray("facets");
        assertEquals("sae/L1/7", facets.get(0).getAsJsonObject().get("feature").getAsString());
        assertEquals(45, facets.get(0).getAsJsonObject().get("count").getAsLong());
        assertEquals(4, facets.get(1).getAsJsonObject().get("count").getAsLong());

        JsonObject page3 = json(get("/api/search?q=password&page=3"));
        assertEquals(9, page3.getAsJsonArray("hits").size());
        assertFalse(page3.get("hasNext").getAsBoolean());
        assertEquals(41, page3.getAsJsonArray("hits").get(0).getAsJsonObject().get("rank").getAsInt());
    }

    @Test
    void malformedQueryIsA400WithTheReason() throws Exception {
        HttpResponse<String> r = get("/api/search?q=" + Html.url("act:[2 TO"));
        assertEquals(400, r.statusCode());
        assertTrue(json(r).has("error"));
        assertEquals(400, get("/api/search?q=x&page=abc").statusCode());
    }

    @Test
    void featureApiHasTopContextsAndHistogram() throws Exception {
        JsonObject o = json(get("/api/feature/sae/L1/7"));
        assertEquals("sae/L1/7", o.get("feature").getAsString());
        assertEquals(45, o.get("count").getAsLong());
        assertEquals(45, o.getAsJsonArray("contexts").size());
        JsonObject h = o.getAsJsonObject("histogram");
        assertEquals(45, h.get("sampled").getAsInt());
        long sum = 0;
        for (var b : h.getAsJsonArray("bins")) {
            sum += b.getAsJsonObject().get("count").getAsLong();
        }
        assertEquals(45, sum);
        assertEquals(404, get("/api/feature/sae/L9/999").statusCode());
        assertEquals(400, get("/api/feature/sae/L1/*").statusCode(), "wildcards are not feature ids");
    }

    @Test
    void pluginsApiListsThePluginDirectory() throws Exception {
        JsonObject o = json(get("/api/plugins"));
        assertTrue(o.getAsJsonArray("plugins").isEmpty());
    }

    @Test
    void contextTextAndQueryAreEscapedInHtmlAndJson() throws Exception {
        HttpResponse<String> page = get("/search?q=secret");
        assertEquals(200, page.statusCode(), page.body());
        assertFalse(page.body().contains("<script>"), "no raw script tag may reach the page");
        assertTrue(page.body().contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;"), page.body());
        for (String q : List.of("secret <script>alert(1)</script>", "\"><script>alert(1)</script>", "act:[2 TO <b>")) {
            HttpResponse<String> echoed = get("/search?q=" + Html.url(q));
            assertFalse(echoed.body().contains("<script>") || echoed.body().contains("<b>"), q + ": " + echoed.body());
            assertTrue(echoed.body().contains("value=\"" + Html.esc(q) + "\""), echoed.body());
        }
        HttpResponse<String> feature = get("/feature/sae/L1/812");
        assertEquals(200, feature.statusCode());
        assertFalse(feature.body().contains("<script>"));
        assertTrue(feature.body().contains("&lt;script&gt;"));
        HttpResponse<String> api = get("/api/search?q=secret");
        assertFalse(api.body().contains("<script>"), "JSON escapes < and > too");
        assertEquals(WebFixture.EVIL, json(api).getAsJsonArray("hits").get(0).getAsJsonObject().get("text").getAsString());
        assertTrue(page.headers().firstValue("content-security-policy").orElse("").contains("default-src 'none'"));
        assertEquals("nosniff", page.headers().firstValue("x-content-type-options").orElse(""));
    }

    @Test
    void staticFilesCannotLeaveTheirDirectory() throws Exception {
        HttpResponse<String> css = get("/static/viv.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("content-type").orElse("").startsWith("text/css"));
        for (String path : List.of("/static/../web/WebServer.class", "/static/%2e%2e/WebServer.class",
                "/static/..%2fWebServer.class", "/static/%2e%2e%2f%2e%2e%2fversion.properties",
                "/static/....//....//etc/passwd", "/static/..%5C..%5Cversion.properties", "/static/%2fetc%2fpasswd",
                "/static/.hidden.css", "/static/sub/viv.css", "/static/WebServer.class")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(web.server.url() + path.substring(1))).GET());
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " -> " + r.statusCode());
            assertFalse(r.body().contains("root:") || r.body().contains("CAFEBABE"), path);
        }
        try (Socket s = new Socket("127.0.0.1", web.server.port())) {
            // a raw request line with ../ that no client would normalise away
            s.getOutputStream().write(("GET /static/../../org/vivarium/launcher/version.properties HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes());
            String status = new String(s.getInputStream().readAllBytes()).lines().findFirst().orElse("");
            assertFalse(status.contains(" 200 "), status);
        }
    }

    @Test
    void onlyGetAndHeadAreAnswered() throws Exception {
        for (String m : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(web.uri("/api/search?q=x"))
                    .method(m, HttpRequest.BodyPublishers.ofString("x")));
            assertEquals(405, r.statusCode(), m);
        }
        assertEquals(200, send(HttpRequest.newBuilder(web.uri("/search?q=doctor"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(405, send(HttpRequest.newBuilder(web.uri("/")).POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode(), "the home page itself is read-only");
    }

    @Test
    void unknownPathsAre404WhateverTheMethod() throws Exception {
        for (String m : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            for (String path : List.of("/nope", "/api/nope", "/a/b/c?x=1")) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(web.uri(path))
                        .method(m, HttpRequest.BodyPublishers.ofString("x")));
                assertEquals(404, r.statusCode(), m + " " + path);
                if (m.equals("GET")) {
                    assertTrue(r.body().contains("no page at /"), r.body());
                }
            }
        }
    }

    @Test
    void theActivationRangeControlsNarrowLikeTheQuerySyntax() throws Exception {
        JsonObject ranged = json(get("/api/search?q=password&min=2.05&max=5"));
        JsonObject typed = json(get("/api/search?q=" + Html.url("password act>=2.05 act<=5")));
        // 2.5 and 3.5 of the first texts, and 0.1 * i for i = 21..44 of sae/L1/7
        assertEquals(26, ranged.get("totalHits").getAsLong());
        assertEquals(typed.get("totalHits").getAsLong(), ranged.get("totalHits").getAsLong());
        assertEquals(2.05, ranged.get("min").getAsDouble());
        assertEquals(5.0, ranged.get("max").getAsDouble());
        for (var h : ranged.getAsJsonArray("hits")) {
            double act = h.getAsJsonObject().get("activation").getAsDouble();
            assertTrue(act >= 2.05 && act <= 5, h.toString());
        }
        assertEquals(49, json(get("/api/search?q=password&min=&max=")).get("totalHits").getAsLong(), "empty = no bound");
        HttpResponse<String> page = get("/search?q=password&min=2.05");
        assertTrue(page.body().contains("<input id=\"min\" name=\"min\" type=\"number\" step=\"any\" size=\"6\""
                + " value=\"2.05\">"), page.body());
        assertTrue(page.body().contains("href=\"/search?q=password&amp;min=2.05&amp;page=2\""), "paging keeps the range");
        HttpResponse<String> empty = get("/api/search?q=password&min=3&max=1");
        assertEquals(400, empty.statusCode());
        assertEquals("the activation range is empty: min 3 is above max 1", json(empty).get("error").getAsString());
        HttpResponse<String> nan = get("/search?q=password&max=NaN");
        assertEquals(400, nan.statusCode());
        assertTrue(nan.body().contains("max must be a number, got &quot;NaN&quot;"), nan.body());
    }

    @Test
    void searchesOverTheCapAreRefusedWith503AndRetryAfter() throws Exception {
        java.util.concurrent.Semaphore gate = web.server.index().gate();
        gate.acquire(ServeOptions.DEFAULT_MAX_SEARCHES); // as many long searches as the server allows are running
        try {
            for (String path : List.of("/api/search?q=password", "/search?q=password", "/feature/sae/L1/7",
                    "/api/feature/sae/L1/7")) {
                HttpResponse<String> r = get(path);
                assertEquals(503, r.statusCode(), path);
                assertEquals("1", r.headers().firstValue("retry-after").orElse(""), path);
                assertTrue(r.body().contains("4 searches are running already (viv serve --max-searches 4)"), r.body());
            }
        } finally {
            gate.release(ServeOptions.DEFAULT_MAX_SEARCHES);
        }
        assertEquals(200, get("/api/search?q=password").statusCode(), "answered again once a search finishes");
    }

    @Test
    void htmlPagesRender() throws Exception {
        HttpResponse<String> home = get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("id=\"organisms\""));
        assertTrue(home.body().contains("51 contexts"), home.body());
        assertEquals(404, get("/nope").statusCode());
        HttpResponse<String> search = get("/search?q=doctor");
        assertTrue(search.body().contains("<mark>doctor</mark>"), search.body());
        assertTrue(search.body().contains("href=\"/feature/neuron/L0/12\""));
        HttpResponse<String> feature = get("/feature/sae/L1/7");
        assertTrue(feature.body().contains("<svg class=\"histogram\""));
        assertEquals(404, get("/feature/sae/L9/1").statusCode());
    }

    @Test
    void bindsToLoopbackByDefault() throws Exception {
        assertEquals("127.0.0.1", ServeOptions.parse(List.of(), dir).host());
        assertEquals("127.0.0.1", web.server.url().getHost());
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    try (Socket s = new Socket()) {
                        assertThrows(IOException.class,
                                () -> s.connect(new InetSocketAddress(a, web.server.port()), 2000),
                                "reachable on " + a.getHostAddress());
                    }
                }
            }
        }
    }

    @Test
    void nonLoopbackHostWarnsThatThereIsNoLogin() {
        assertTrue(ServeOptions.parse(List.of(), dir).warning().isEmpty());
        assertTrue(ServeOptions.parse(List.of("--host", "localhost"), dir).warning().isEmpty());
        String w = ServeOptions.parse(List.of("--host", "0.0.0.0"), dir).warning().orElseThrow();
        assertTrue(w.contains("no login"), w);
        assertNotEquals(8077, ServeOptions.parse(List.of("--port", "9000"), dir).port());
    }
}
