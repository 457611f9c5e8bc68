package org.vivarium.cache.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.vivarium.api.cache.RowCursor;
import org.vivarium.api.cache.RunSpec;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.cache.CacheOptions;
import org.vivarium.cache.MapDbActivationCache;

/**
 * Measures activation-cache write and read throughput against a plain sequential {@code FileChannel}
 * write (+fsync) and read of the same bytes on the same disk ({@code viv bench cache}).
 *
 * <p>Both sides start from the same in-memory float rows, so row generation is not timed. Reads
 * follow the writes and are usually served from the OS page cache on both sides.
 */
public final class CacheBenchmark {
    private static final String HOOK = "blocks.0.hook_resid_post";

    private CacheBenchmark() {
    }

    /**
     * Runs with options from the command line and prints the figures.
     *
     * @param args see {@link BenchOptions#parse}
     */
    public static void main(String[] args) {
        run(BenchOptions.parse(args), System.out);
    }

    /**
     * Runs the benchmark.
     *
     * @param o sizes and scratch directory
     * @param out where to print the table
     * @return the figures
     */
    public static BenchResult run(BenchOptions o, PrintStream out) {
        int rowsPerBatch = o.rowsPerCommit();
        long rowBytes = 4L * o.width();
        long batches = Math.max(1, (o.megabytes() << 20) / (rowBytes * rowsPerBatch));
        long bytes = batches * rowsPerBatch * rowBytes;
        float[] batch = new float[rowsPerBatch * o.width()];
        Random rnd = new Random(42);
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (float) rnd.nextGaussian();
        }
        out.printf(Locale.ROOT, "cache benchmark: %d MiB, %d batches x %d rows x d=%d, %s, median of %d, dir %s%n",
                bytes >> 20, batches, rowsPerBatch, o.width(), o.dtype().name().toLowerCase(Locale.ROOT), o.repeat(),
                o.dir());
        Path scratch;
        try {
            Files.createDirectories(o.dir());
            scratch = Files.createTempDirectory(o.dir(), "viv-cache-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory in " + o.dir(), e);
        }
        try {
            Path plain = scratch.resolve("plain.bin");
            Path dir = scratch.resolve("cache");
            CacheOptions co = CacheOptions.defaults().withMaxBytes(Long.MAX_VALUE / 2);
            int k = o.repeat();
            double[] pw = new double[k];
            double[] pb = new double[k];
            double[] pr = new double[k];
            double[] cw = new double[k];
            double[] cr = new double[k];
            for (int i = 0; i < k; i++) {
                pw[i] = mbps(bytes, time(() -> plainWrite(plain, batch, batches, false)));
                pr[i] = mbps(bytes, time(() -> plainRead(plain, o.width())));
                delete(plain);
                pb[i] = mbps(bytes, time(() -> plainWrite(plain, batch, batches, true)));
                delete(plain);
                try (MapDbActivationCache cache = MapDbActivationCache.open(dir, co)) {
                    cw[i] = mbps(bytes, time(() -> cacheWrite(cache, o, batch, batches)));
                    cr[i] = mbps(bytes, time(() -> cacheRead(cache, o.width())));
                    cache.delete("bench");
                }
            }
            BenchResult r = new BenchResult(bytes, median(pw), median(pb), median(cw), median(pr), median(cr));
            print(out, r);
            return r;
        } finally {
            deleteTree(scratch);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void plainWrite(Path file, float[] batch, long batches, boolean syncEachBatch) {
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer f = buf.asFloatBuffer();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long b = 0; b < batches; b++) {
                int off = 0;
                while (off < batch.length) {
                    int n = Math.min(f.remaining(), batch.length - off);
                    f.put(batch, off, n);
                    off += n;
                    if (!f.hasRemaining()) {
                        drain(ch, buf, f);
                    }
                }
                if (syncEachBatch) {
                    drain(ch, buf, f);
                    ch.force(false);
                }
            }
            drain(ch, buf, f);
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(FileChannel ch, ByteBuffer buf, FloatBuffer f) throws IOException {
        buf.clear().limit(f.position() * 4);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        buf.clear();
        f.clear();
    }

    private static double plainRead(Path file, int width) {
        int rowBytes = width * 4;
        ByteBuffer buf = ByteBuffer.allocateDirect(Math.max(1, (4 << 20) / rowBytes) * rowBytes)
                .order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer f = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] row = new float[width];
        double sum = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = 0;
            long size = ch.size();
            while (pos < size) {
                buf.clear();
                while (buf.hasRemaining() && pos + buf.position() < size) {
                    if (ch.read(buf, pos + buf.position()) < 0) {
                        break;
                    }
                }
                int rows = buf.position() / rowBytes;
                for (int r = 0; r < rows; r++) {
                    f.get(r * width, row, 0, width);
                    sum += row[0];
                }
                pos += buf.position();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    private static void cacheWrite(MapDbActivationCache cache, BenchOptions o, float[] batch, long batches) {
        Tensor rows = Tensor.of(batch, o.rowsPerCommit(), o.width());
        try (RunWriter w = cache.newRun(new RunSpec("bench", "bench", "", "", (int) batches, o.dtype(), null))) {
            for (int b = 0; b < batches; b++) {
                w.append(HOOK, b, rows);
                w.commit();
            }
            w.finish();
        }
    }

    private static double cacheRead(MapDbActivationCache cache, int width) {
        float[] row = new float[width];
        double sum = 0;
        try (RowCursor c = cache.rows("bench", HOOK)) {
            while (c.next()) {
                c.read(row);
                sum += row[0];
            }
        }
        return sum;
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double mbps(long bytes, double seconds) {
        return bytes / (double) (1 << 20) / seconds;
    }

    private static void print(PrintStream out, BenchResult r) {
        out.printf(Locale.ROOT, "%-7s %14s %14s %10s%n", "", "plain MiB/s", "cache MiB/s", "ratio");
        out.printf(Locale.ROOT, "%-7s %14.1f %14.1f %9.2fx%n", "write", r.plainWrite(), r.cacheWrite(),
                r.writeRatio());
        out.printf(Locale.ROOT, "%-7s %14.1f %14s %9.2fx%n", "write*", r.plainBatchedWrite(), "",
                r.plainBatchedWrite() / r.cacheWrite());
        out.printf(Locale.ROOT, "%-7s %14.1f %14.1f %9.2fx%n", "read", r.plainRead(), r.cacheRead(),
                r.readRatio());
        out.println("ratio = plain / cache (target <= 2.00x); write* = plain write with an fsync per batch,"
                + " like a cache commit");
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(CacheBenchmark::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
