package org.vivarium.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.launcher.support.CliRun;
import org.vivarium.launcher.support.TestHomes;

/** {@code viv bench web-search} at test size: builds the index, serves it, times searches over HTTP, then reuses it. */
class WebSearchBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void timesSearchesOverHttpAndReusesTheIndex() throws IOException {
        Path home = TestHomes.create(dir.resolve("home"));
        Path web = Files.createDirectories(home.resolve("bundles").resolve("web"));
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("vivarium.test.webbundles",
                "target/vivarium/bundles/web")))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, web.resolve(jar.getFileName()));
            }
        }
        String[] args = {"bench", "web-search", "--contexts", "3000", "--queries", "8", "--warmup", "2", "--dir",
            dir.resolve("bench").toString()};
        CliRun first = CliRun.inHome(home, args);
        assertEquals(0, first.code(), first.out() + first.err());
        assertTrue(first.out().contains("index: building 3,000 synthetic contexts (seed 42)"), first.out());
        assertTrue(first.out().contains("server: http://127.0.0.1:"), first.out());
        for (String type : new String[] {"text ", "feature ", "feature+text ", "range+sort ", "all "}) {
            assertTrue(first.out().lines().anyMatch(l -> l.startsWith(type)), type + " row: " + first.out());
        }
        assertTrue(first.out().lines().anyMatch(l -> l.matches("all\\s+8 .*")), first.out());
        assertTrue(first.out().contains("responses: {200=8}"), first.out());
        assertTrue(first.out().contains("load average (1 min):"), first.out());

        CliRun again = CliRun.inHome(home, args);
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("index: reusing " + dir.resolve("bench").resolve("index") + " (3,000 contexts"),
                again.out());
    }
}
