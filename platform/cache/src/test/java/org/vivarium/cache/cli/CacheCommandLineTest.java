package org.vivarium.cache.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.cache.MapDbActivationCache;
import org.vivarium.cache.TestRows;

class CacheCommandLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static void write(MapDbActivationCache cache, String id, String... hooks) {
        try (RunWriter w = cache.newRun(TestRows.spec(id, CacheDtype.F32))) {
            for (String h : hooks) {
                for (int p = 0; p < 4; p++) {
                    w.append(h, 0, p, new float[] {p, 1, 2});
                }
            }
            w.finish();
        }
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lsPrintsATableOfRuns(@TempDir Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            CacheCommandLine cli = new CacheCommandLine(cache);
            cli.ls(out);
            assertTrue(text().startsWith("no cached runs"), text());
            write(cache, "one", "blocks.0.hook_resid_post");
            write(cache, "two", "a", "b");
            bytes.reset();
            cli.ls(out);
            String[] lines = text().split("\n");
            assertTrue(lines[0].matches("RUN +MODEL +HOOKS +ROWS +SIZE +DTYPE +STATE +CREATED"), lines[0]);
            assertTrue(lines[1].matches(
                    "one +organism/test +blocks\\.0\\.hook_resid_post +4 +48 B +f32 +complete +\\S+"), lines[1]);
            assertTrue(lines[2].matches("two +organism/test +2 hooks +8 +96 B +f32 +complete +\\S+"), lines[2]);
            assertTrue(lines[3].startsWith("2 run(s)"), lines[3]);
        }
    }

    @Test
    void exportAndRm(@TempDir Path dir) throws Exception {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir.resolve("c"))) {
            write(cache, "one", "h");
            write(cache, "two", "a", "b");
            CacheCommandLine cli = new CacheCommandLine(cache);
            cli.export("one", null, "npy", dir.resolve("one.npy"), out);
            assertTrue(text().startsWith("wrote 4 rows of h to "), text());
            assertTrue(Files.size(dir.resolve("one.npy")) == 128 + 4 * 3 * 4);
            cli.export("two", null, "safetensors", dir.resolve("two.safetensors"), out);
            assertTrue(Files.exists(dir.resolve("two.safetensors")));
            VivariumException e = assertThrows(VivariumException.class,
                    () -> cli.export("two", null, "npy", dir.resolve("x.npy"), out));
            assertTrue(e.getMessage().contains("pass --hook, one of: a, b"), e.getMessage());
            e = assertThrows(VivariumException.class,
                    () -> cli.export("two", "a", "csv", dir.resolve("x.csv"), out));
            assertEquals("unknown export format \"csv\" — use npy or safetensors", e.getMessage());

            cli.rm("one", out);
            assertTrue(text().contains("deleted cache run one (4 rows, 48 B)"), text());
            assertFalse(cache.run("one").isPresent());
        }
    }

    @Test
    void unknownRunListsKnownIdsOnOneLine(@TempDir Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            write(cache, "alpha", "h");
            write(cache, "beta", "h");
            CacheCommandLine cli = new CacheCommandLine(cache);
            VivariumException e = assertThrows(VivariumException.class, () -> cli.rm("gamma", out));
            assertEquals("unknown cache run \"gamma\" — known runs: alpha, beta", e.getMessage());
            e = assertThrows(VivariumException.class,
                    () -> cli.export("gamma", null, "npy", dir.resolve("x.npy"), out));
            assertFalse(e.getMessage().contains("\n"));
        }
    }
}
