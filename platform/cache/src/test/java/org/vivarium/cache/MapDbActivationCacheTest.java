package org.vivarium.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.CachedRow;
import org.vivarium.api.cache.RowCursor;
import org.vivarium.api.cache.RunState;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.tensor.Tensor;

class MapDbActivationCacheTest {
    private static final int W = 24;
    private static final CacheOptions SMALL_BUFFERS = CacheOptions.defaults().withBufferBytes(4096)
            .withSegmentBytes(8192);

    /** Writes seqs 0..9 of hook h0 (tensor appends) and h1 (single rows), one commit per 2 seqs. */
    private static void writeRun(MapDbActivationCache cache, String id) {
        try (RunWriter w = cache.newRun(TestRows.spec(id, CacheDtype.F32))) {
            for (int seq = 0; seq < 10; seq++) {
                float[] block = new float[12 * W];
                float[] row = new float[W];
                for (int p = 0; p < 12; p++) {
                    TestRows.fill(0, seq, p, row);
                    System.arraycopy(row, 0, block, p * W, W);
                }
                w.append("h0", seq, Tensor.of(block, 12, W));
                for (int p = 0; p < 5; p++) {
                    TestRows.fill(1, seq, p, row);
                    w.append("h1", seq, p, row);
                }
                if (seq % 2 == 1) {
                    w.commit();
                }
            }
            w.finish();
        }
    }

    @Test
    void writesStreamsAndReopensExactly(@TempDir Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir, SMALL_BUFFERS)) {
            writeRun(cache, "r1");
        }
        assertTrue(segmentFiles(dir) > 1, "small segments should roll over");
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir, SMALL_BUFFERS)) {
            CacheRun run = cache.run("r1").orElseThrow();
            assertEquals(RunState.COMPLETE, run.state());
            assertEquals(120, run.hook("h0").orElseThrow().rows());
            assertEquals(50, run.hook("h1").orElseThrow().rows());
            assertEquals(W, run.hook("h1").orElseThrow().width());
            assertEquals(170L * W * 4, run.totalBytes());
            assertEquals("sha256:cd", run.provenance().parent());
            assertEquals("17", run.provenance().environment().get("java"));
            float[] want = new float[W];
            float[] got = new float[W];
            try (RowCursor c = cache.rows("r1", "h0")) {
                assertEquals(120, c.size());
                int n = 0;
                while (c.next()) {
                    assertEquals(n / 12, c.seq());
                    assertEquals(n % 12, c.pos());
                    c.read(got);
                    TestRows.fill(0, c.seq(), c.pos(), want);
                    assertArrayEquals(want, got);
                    n++;
                }
                assertEquals(120, n);
            }
        }
    }

    @Test
    void prefixRangeAndRandomGet(@TempDir Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir, SMALL_BUFFERS)) {
            writeRun(cache, "r1");
            try (RowCursor c = cache.rows("r1", "h1", 3, 6)) {
                assertEquals(15, c.size());
                List<CachedRow> rows = new java.util.ArrayList<>();
                c.iterator().forEachRemaining(rows::add);
                assertEquals(15, rows.size());
                assertEquals(3, rows.get(0).seq());
                assertEquals(5, rows.get(14).seq());
                assertEquals(4, rows.get(14).pos());
            }
            float[] want = new float[W];
            TestRows.fill(0, 7, 11, want);
            assertArrayEquals(want, cache.get("r1", "h0", 7, 11).orElseThrow());
            assertTrue(cache.get("r1", "h1", 7, 5).isEmpty());
            assertTrue(cache.get("r1", "h1", 42, 0).isEmpty());
        }
    }

    @Test
    void rowsAfterTheLastCommitAreDiscardedAndTheRunStaysIncomplete(@TempDir Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir, SMALL_BUFFERS)) {
            try (RunWriter w = cache.newRun(TestRows.spec("r", CacheDtype.F32))) {
                float[] row = new float[W];
                for (int p = 0; p < 300; p++) {
                    w.append("h0", 0, p, row);
                }
                w.commit();
                for (int p = 0; p < 500; p++) {
                    w.append("h0", 1, p, row);
                }
                assertEquals(500, w.pendingRows());
            }
            CacheRun run = cache.run("r").orElseThrow();
            assertEquals(RunState.INCOMPLETE, run.state());
            assertEquals(300, run.totalRows());
            try (RowCursor c = cache.rows("r", "h0", 1, 2)) {
                assertFalse(c.next());
            }
        }
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            assertEquals(300, cache.run("r").orElseThrow().totalRows());
        }
    }

    @Test
    void userErrorsAreOneLineVivariumExceptions(@TempDir Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir, SMALL_BUFFERS)) {
            writeRun(cache, "alpha");
            writeRun(cache, "beta");
            VivariumException e = assertThrows(VivariumException.class, () -> cache.rows("gamma", "h0"));
            assertEquals("unknown cache run \"gamma\" — known runs: alpha, beta", e.getMessage());
            e = assertThrows(VivariumException.class, () -> cache.rows("alpha", "h9"));
            assertTrue(e.getMessage().contains("cached hooks: h0, h1"), e.getMessage());
            e = assertThrows(VivariumException.class, () -> cache.newRun(TestRows.spec("alpha", CacheDtype.F32)));
            assertTrue(e.getMessage().contains("already exists"), e.getMessage());
            e = assertThrows(VivariumException.class, () -> cache.newRun(TestRows.spec("../x", CacheDtype.F32)));
            assertTrue(e.getMessage().contains("invalid cache run id"), e.getMessage());
            e = assertThrows(VivariumException.class, () -> MapDbActivationCache.open(dir));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
        }
    }

    @Test
    void misuseIsRejected(@TempDir Path dir) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            try (RunWriter w = cache.newRun(TestRows.spec("r", CacheDtype.F32))) {
                w.append("h", 0, 0, new float[4]);
                assertThrows(IllegalArgumentException.class, () -> w.append("h", 0, 1, new float[5]));
                assertThrows(IllegalStateException.class, () -> cache.newRun(TestRows.spec("s", CacheDtype.F32)));
                assertThrows(VivariumException.class, () -> cache.delete("r"));
                w.finish();
                assertThrows(IllegalStateException.class, () -> w.append("h", 0, 1, new float[4]));
            }
            try (RunWriter w = cache.newRun(TestRows.spec("s", CacheDtype.F32))) {
                w.append("h", 0, 0, new float[5]);
                w.finish();
            }
            assertEquals(2, cache.runs().size());
        }
    }

    @Test
    void deleteRemovesTheRunAndItsFiles(@TempDir Path dir) throws IOException {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir, SMALL_BUFFERS)) {
            writeRun(cache, "a");
            writeRun(cache, "b");
            long before = cache.sizeBytes();
            int files = segmentFiles(dir);
            cache.delete("a");
            assertTrue(cache.run("a").isEmpty());
            assertEquals(files / 2, segmentFiles(dir));
            assertTrue(cache.sizeBytes() < before);
            try (RowCursor c = cache.rows("b", "h0")) {
                assertEquals(120, c.size());
            }
            assertThrows(VivariumException.class, () -> cache.delete("a"));
        }
    }

    @Test
    void missingDataOfOneRunMarksOnlyThatRunDamaged(@TempDir Path dir) throws IOException {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir, SMALL_BUFFERS)) {
            writeRun(cache, "a");
            writeRun(cache, "b");
        }
        Path victim;
        try (Stream<Path> s = Files.list(dir.resolve("data"))) {
            victim = s.filter(p -> p.getFileName().toString().startsWith("r1-")).findFirst().orElseThrow();
        }
        Files.write(victim, new byte[20]);
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir, SMALL_BUFFERS)) {
            assertEquals(RunState.DAMAGED, cache.run("a").orElseThrow().state());
            VivariumException e = assertThrows(VivariumException.class, () -> cache.rows("a", "h0"));
            assertTrue(e.getMessage().contains("is corrupt (run a:"), e.getMessage());
            assertTrue(e.getMessage().contains("viv cache rm a"), e.getMessage());
            try (RowCursor c = cache.rows("b", "h0")) {
                assertEquals(120, c.size());
            }
            cache.delete("a");
            assertEquals(1, cache.runs().size());
        }
    }

    static int segmentFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir.resolve("data"))) {
            return (int) s.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
