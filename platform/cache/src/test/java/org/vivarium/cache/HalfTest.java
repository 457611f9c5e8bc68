package org.vivarium.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.RowCursor;
import org.vivarium.api.cache.RunWriter;

class HalfTest {

    @Test
    void everyHalfValueRoundTripsExactly() {
        for (int h = 0; h < 1 << 16; h++) {
            float f = Half.toFloat((short) h);
            if (!Float.isNaN(f)) {
                assertEquals((short) h, Half.fromFloat(f), "half bits " + Integer.toHexString(h));
            }
        }
        assertEquals(65504f, Half.toFloat(Half.fromFloat(65504f)));
        assertEquals(Float.POSITIVE_INFINITY, Half.toFloat(Half.fromFloat(70000f)));
        assertEquals(0x1p-24f, Half.toFloat(Half.fromFloat(0x1p-24f)));
        assertEquals(1f, Half.toFloat(Half.fromFloat(1f + 0x1p-11f)), "ties round to even");
    }

    @Test
    void roundingErrorStaysWithinTheDocumentedBound() {
        Random rnd = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            float x = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 5));
            float y = Half.toFloat(Half.fromFloat(x));
            float bound = Math.max(Math.abs(x) * 0x1p-11f, 0x1p-25f);
            assertTrue(Math.abs(x - y) <= bound, x + " -> " + y);
        }
    }

    @Test
    void f16RunsReadBackWithinTheBound(@TempDir Path dir) {
        float[] row = new float[512];
        float[] got = new float[512];
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            try (RunWriter w = cache.newRun(TestRows.spec("h", CacheDtype.F16))) {
                for (int p = 0; p < 40; p++) {
                    TestRows.fill(2, 0, p, row);
                    w.append("resid", 0, p, row);
                }
                w.finish();
            }
            assertEquals(40L * 512 * 2, cache.run("h").orElseThrow().totalBytes());
            try (RowCursor c = cache.rows("h", "resid")) {
                while (c.next()) {
                    c.read(got);
                    TestRows.fill(2, 0, c.pos(), row);
                    for (int i = 0; i < row.length; i++) {
                        assertTrue(Math.abs(row[i] - got[i]) <= Math.max(Math.abs(row[i]) * 0x1p-11f, 0x1p-25f));
                    }
                }
            }
        }
    }
}
