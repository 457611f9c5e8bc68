package org.vivarium.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.RowCursor;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.tensor.Tensor;

class SizeLimitTest {
    private static final int W = 256;

    @Test
    void appendPastTheLimitFailsClearlyAndCommittedDataStays(@TempDir Path dir) {
        CacheOptions opts = CacheOptions.defaults().withMaxBytes(100_000).withBufferBytes(8192)
                .withSegmentBytes(1 << 20);
        float[] row = new float[W];
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir, opts);
                RunWriter w = cache.newRun(TestRows.spec("r", CacheDtype.F32))) {
            for (int p = 0; p < 60; p++) {
                TestRows.fill(0, 0, p, row);
                w.append("h", 0, p, row);
            }
            w.commit();
            VivariumException e = assertThrows(VivariumException.class,
                    () -> w.append("h", 1, Tensor.zeros(60, W)));
            assertTrue(e.getMessage().contains("would grow past its size limit of 97.7 KiB"), e.getMessage());
            assertTrue(e.getMessage().contains("committed data is untouched"), e.getMessage());
            assertEquals(0, w.pendingRows());
        }
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir, opts)) {
            assertEquals(60, cache.run("r").orElseThrow().totalRows());
            assertTrue(cache.sizeBytes() >= 60 * W * 4);
            float[] want = new float[W];
            float[] got = new float[W];
            try (RowCursor c = cache.rows("r", "h")) {
                while (c.next()) {
                    c.read(got);
                    TestRows.fill(0, 0, c.pos(), want);
                    assertArrayEquals(want, got);
                }
            }
        }
    }
}
