package org.vivarium.launcher.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long requests are refused with the reason instead of hanging: a query over {@link SearchView#MAX_QUERY_CHARS}
 * characters is a 400 before it reaches the index, and a search that runs past the server's time limit is stopped
 * and answered 503. The server here has a 1 ns limit, so every search that collects documents runs past it.
 */
class WebLimitsHttpTest {
    @TempDir
    static Path dir;
    static WebFixture web;

    @BeforeAll
    static void start() {
        web = WebFixture.start(dir, new ServeOptions(0, "127.0.0.1", dir.resolve("index"), dir.resolve("runs"),
                Duration.ofNanos(1)));
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return WebServerHttpTest.send(java.net.http.HttpRequest.newBuilder(web.uri(path)).GET());
    }

    @Test
    void aTooLongQueryIsRefusedWith400AndTheLimit() throws Exception {
        String longest = "password OR " + "x".repeat(SearchView.MAX_QUERY_CHARS - 12);
        assertEquals(SearchView.MAX_QUERY_CHARS, longest.length());
        HttpResponse<String> tooLong = get("/api/search?q=" + Html.url(longest + "y"));
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        JsonObject e = WebServerHttpTest.json(tooLong);
        assertEquals("the query has 1001 characters; at most 1000 are accepted", e.get("error").getAsString());
        assertTrue(e.get("fix").getAsString().contains("shorten"), e.toString());
        HttpResponse<String> page = get("/search?q=" + Html.url(longest + "y"));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("at most 1000 are accepted"), page.body());
        // exactly at the cap the query reaches the index (and then meets the time limit)
        assertEquals(503, get("/api/search?q=" + Html.url(longest)).statusCode());
    }

    @Test
    void aSearchPastTheTimeLimitIsRefusedWith503AndTheReason() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> api = get("/api/search?q=password");
        assertEquals(503, api.statusCode(), api.body());
        JsonObject e = WebServerHttpTest.json(api);
        assertEquals("the search \"password\" was stopped after the 1 ns time limit", e.get("error").getAsString());
        assertTrue(e.get("fix").getAsString().startsWith("narrow it"), e.toString());
        for (String path : List.of("/search?q=password", "/feature/sae/L1/7", "/api/feature/sae/L1/7")) {
            HttpResponse<String> r = get(path);
            assertEquals(503, r.statusCode(), path + ": " + r.body());
            assertTrue(r.body().contains("was stopped after the 1 ns time limit"), path + ": " + r.body());
        }
        assertTrue(System.nanoTime() - t0 < 15_000_000_000L, "refusals are quick, not hangs");
        HttpResponse<String> home = get("/");
        assertEquals(200, home.statusCode(), "pages that need no search still answer");
    }
}
