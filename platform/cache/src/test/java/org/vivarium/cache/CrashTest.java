package org.vivarium.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.RowCursor;
import org.vivarium.api.cache.RunState;

/** Kills a real writer process with SIGKILL and checks what survives. */
class CrashTest {

    @Test
    void killMidBatchKeepsEveryCommittedBatchAndNothingElse(@TempDir Path dir) throws Exception {
        try (ChildJvm child = ChildJvm.start("-Xmx128m", CrashChild.class, dir.toString(), "10", "4")) {
            child.awaitLine("half 4");
            child.kill();
        }
        Path seg = dir.resolve("data").resolve("r1-0.seg");
        long committedBytes = SegmentAppender.HEADER + 3L * CrashChild.ROWS_PER_BATCH * CrashChild.WIDTH * 4;
        assertTrue(Files.size(seg) > committedBytes, "the killed batch should have left uncommitted bytes");
        verify(dir, 3);
        assertEquals(committedBytes, Files.size(seg), "reopen truncates the uncommitted tail");
    }

    @Test
    void killAtAnArbitraryPointKeepsACommittedPrefix(@TempDir Path dir) throws Exception {
        int printed;
        try (ChildJvm child = ChildJvm.start("-Xmx128m", CrashChild.class, dir.toString(), "400", "0")) {
            List<String> lines = child.awaitLine("committed 3");
            printed = 3;
            child.kill();
            assertTrue(lines.size() >= 3);
        }
        int batches = verify(dir, -1);
        assertTrue(batches >= printed && batches <= printed + 2, "committed batches " + batches);
    }

    /** Reopens the cache and checks every row bit-for-bit; returns the committed batch count. */
    private static int verify(Path dir, int expectedBatches) {
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            CacheRun run = cache.run("crash").orElseThrow();
            assertEquals(RunState.INCOMPLETE, run.state());
            long rows = run.totalRows();
            assertEquals(0, rows % CrashChild.ROWS_PER_BATCH, "only whole batches are visible");
            int batches = (int) (rows / CrashChild.ROWS_PER_BATCH);
            if (expectedBatches >= 0) {
                assertEquals(expectedBatches, batches);
            }
            float[] want = new float[CrashChild.WIDTH];
            float[] got = new float[CrashChild.WIDTH];
            long n = 0;
            try (RowCursor c = cache.rows("crash", "h")) {
                while (c.next()) {
                    assertEquals(n / CrashChild.ROWS_PER_SEQ, c.seq());
                    assertEquals(n % CrashChild.ROWS_PER_SEQ, c.pos());
                    c.read(got);
                    TestRows.fill(0, c.seq(), c.pos(), want);
                    assertArrayEquals(want, got);
                    n++;
                }
            }
            assertEquals(rows, n);
            return batches;
        }
    }
}
