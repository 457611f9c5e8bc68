package org.vivarium.cache;

import java.nio.file.Path;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.RowCursor;
import org.vivarium.api.cache.RunWriter;

/**
 * Child process of {@link StreamingTest}, run with a heap far smaller than the data: writes
 * {@code mb} MiB of d=768 rows, then streams them back into one reused buffer, checking each row.
 * Prints {@code ok rows=N} on success.
 */
public final class StreamChild {
    private StreamChild() {
    }

    /**
     * Runs the child.
     *
     * @param args cache directory, MiB to write
     */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long mb = Long.parseLong(args[1]);
        int width = 768;
        long rows = (mb << 20) / (width * 4L);
        float[] row = new float[width];
        try (MapDbActivationCache cache = MapDbActivationCache.open(dir)) {
            try (RunWriter w = cache.newRun(TestRows.spec("big", CacheDtype.F32))) {
                for (long r = 0; r < rows; r++) {
                    row[0] = r;
                    row[width - 1] = -r;
                    w.append("resid", (int) (r / 128), (int) (r % 128), row);
                    if (r % 8192 == 8191) {
                        w.commit();
                    }
                }
                w.finish();
            }
            long n = 0;
            try (RowCursor c = cache.rows("big", "resid")) {
                float[] buf = new float[c.width()];
                while (c.next()) {
                    c.read(buf);
                    if (buf[0] != n || buf[width - 1] != -n || c.seq() != n / 128 || c.pos() != n % 128) {
                        throw new AssertionError("row " + n + " read back wrong: " + buf[0]);
                    }
                    n++;
                }
            }
            if (n != rows) {
                throw new AssertionError("streamed " + n + " rows, wrote " + rows);
            }
            System.out.println("ok rows=" + n + " maxHeapMiB=" + (Runtime.getRuntime().maxMemory() >> 20));
        }
    }
}
