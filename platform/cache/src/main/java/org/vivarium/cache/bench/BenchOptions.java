package org.vivarium.cache.bench;

import java.nio.file.Path;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.CacheDtype;

/**
 * Settings of {@link CacheBenchmark}.
 *
 * @param dir scratch directory on the disk to measure (files are deleted afterwards)
 * @param megabytes MiB of row data to write
 * @param width values per row
 * @param rowsPerCommit rows per batch commit
 * @param dtype storage dtype of the cache run
 * @param repeat how often each measurement runs; the median is reported
 */
public record BenchOptions(Path dir, long megabytes, int width, int rowsPerCommit, CacheDtype dtype, int repeat) {

    /**
     * Returns the defaults: 512 MiB of d=768 f32 rows, 4096 rows (12 MiB) per commit, 3 repeats, in the
     * system temp dir.
     *
     * @return the options
     */
    public static BenchOptions defaults() {
        return new BenchOptions(Path.of(System.getProperty("java.io.tmpdir")), 512, 768, 4096, CacheDtype.F32, 3);
    }

    /**
     * Parses {@code --dir D --mb N --width W --rows-per-commit R --dtype f32|f16 --repeat K}.
     *
     * @param args command-line arguments
     * @return the options
     */
    public static BenchOptions parse(String... args) {
        BenchOptions o = defaults();
        Path dir = o.dir;
        long mb = o.megabytes;
        int width = o.width;
        int rows = o.rowsPerCommit;
        CacheDtype dtype = o.dtype;
        int repeat = o.repeat;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new VivariumException("option " + a + " needs a value", usage());
            }
            String v = args[++i];
            switch (a) {
                case "--dir": dir = Path.of(v); break;
                case "--mb": mb = positive(a, v); break;
                case "--width": width = (int) positive(a, v); break;
                case "--rows-per-commit": rows = (int) positive(a, v); break;
                case "--dtype": dtype = CacheDtype.parse(v); break;
                case "--repeat": repeat = (int) positive(a, v); break;
                default: throw new VivariumException("unknown option " + a, usage());
            }
        }
        return new BenchOptions(dir, mb, width, rows, dtype, repeat);
    }

    private static long positive(String name, String v) {
        try {
            long n = Long.parseLong(v);
            if (n > 0 && n <= Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new VivariumException("option " + name + " needs a positive integer, got \"" + v + "\"", usage());
    }

    private static String usage() {
        return "usage: viv bench cache [--dir D] [--mb 512] [--width 768] [--rows-per-commit 4096] [--dtype f32|f16]"
                + " [--repeat 3]";
    }
}
