package org.vivarium.index.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.index.ContextRecord;

/** A tiny benchmark run and the generator's determinism (no timing assertions). */
class IndexBenchmarkTest {
    @Test
    void smallRunReportsEveryQueryType(@TempDir Path tmp) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchmarkOptions options = BenchmarkOptions.parse(List.of("--contexts", "3000", "--queries", "20",
                "--warmup", "5", "--dir", tmp.resolve("idx").toString()));
        BenchmarkResult result = IndexBenchmark.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("text", "feature", "feature+text", "range+sort", "aggregation"),
                List.copyOf(result.latencies().keySet()));
        result.latencies().values().forEach(s -> assertEquals(20, s.count()));
        assertTrue(result.meanHits().get("text") > 0);
        assertTrue(result.meanHits().get("feature") > 0);
        assertTrue(result.indexBytes() > 0);
        assertTrue(out.contains("index: 3,000 contexts"), out);
        assertTrue(Files.exists(tmp.resolve("idx").resolve("vivarium-index.json")), "--dir keeps the index");
    }

    @Test
    void generatorIsDeterministicAndRealistic() {
        List<ContextRecord> a = SyntheticContexts.standard(7).next(500);
        List<ContextRecord> b = SyntheticContexts.standard(7).next(500);
        assertEquals(a, b);
        double words = a.stream().mapToInt(r -> r.text().split(" ").length).average().orElseThrow();
        assertTrue(words > 15 && words < 25, "about 20 words per context: " + words);
        assertEquals(2000, SyntheticContexts.standard(7).features().size());
        assertTrue(SyntheticContexts.standard(7).features().contains("probe/misaligned@L2"));
    }

    @Test
    void percentilesUseNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L;
        }
        LatencyStats s = LatencyStats.of(nanos);
        assertEquals(50.0, s.p50());
        assertEquals(99.0, s.p99());
        assertEquals(100.0, s.max());
        assertEquals(50.5, s.mean(), 1e-9);
    }
}
