package org.vivarium.cache.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheBenchmarkTest {

    @Test
    void smallRunReportsAllFiguresAndCleansUp(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchOptions o = BenchOptions.parse("--dir", dir.toString(), "--mb", "4", "--width", "64",
                "--rows-per-commit", "512", "--repeat", "1");
        BenchResult r = CacheBenchmark.run(o, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(4L << 20, r.bytes());
        assertTrue(r.plainWrite() > 0 && r.cacheWrite() > 0 && r.plainRead() > 0 && r.cacheRead() > 0);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("write") && text.contains("read") && text.contains("ratio"), text);
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "scratch files are deleted");
        }
    }
}
