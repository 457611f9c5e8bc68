package org.vivarium.index.bench;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.VivariumException;

/**
 * Settings of {@code viv bench index [--contexts N] [--queries N] [--warmup N] [--seed N] [--dir DIR]}.
 *
 * @param contexts number of synthetic contexts to index
 * @param queries measured queries per query type
 * @param warmup unmeasured warm-up queries per query type
 * @param seed random seed for contexts and queries
 * @param dir index directory to keep, or {@code null} for a temporary one deleted afterwards
 */
public record BenchmarkOptions(int contexts, int queries, int warmup, long seed, Path dir) {
    /** One-line usage, shown in errors. */
    public static final String USAGE = "viv bench index [--contexts N] [--queries N] [--warmup N] [--seed N]"
            + " [--dir DIR]";

    /**
     * Validates the options.
     *
     * @throws VivariumException if a count is not positive
     */
    public BenchmarkOptions {
        if (contexts < 1 || queries < 1 || warmup < 0) {
            throw new VivariumException("--contexts and --queries must be positive and --warmup not negative",
                    "usage: " + USAGE);
        }
    }

    /**
     * Returns the defaults: 1,000,000 contexts, 1,000 measured and 300 warm-up queries per type, seed 42.
     *
     * @return default options
     */
    public static BenchmarkOptions defaults() {
        return new BenchmarkOptions(1_000_000, 1_000, 300, 42, null);
    }

    /**
     * Parses command-line arguments.
     *
     * @param args the arguments after {@code bench index}
     * @return the options
     * @throws VivariumException on an unknown option or a bad value
     */
    public static BenchmarkOptions parse(List<String> args) {
        BenchmarkOptions o = defaults();
        int contexts = o.contexts();
        int queries = o.queries();
        int warmup = o.warmup();
        long seed = o.seed();
        Path dir = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i + 1 >= args.size()) {
                throw new VivariumException(a.startsWith("--") ? a + " needs a value" : "unexpected argument " + a,
                        "usage: " + USAGE);
            }
            String v = args.get(++i);
            switch (a) {
                case "--contexts" -> contexts = (int) number(a, v);
                case "--queries" -> queries = (int) number(a, v);
                case "--warmup" -> warmup = (int) number(a, v);
                case "--seed" -> seed = number(a, v);
                case "--dir" -> dir = Path.of(v);
                default -> throw new VivariumException("unknown option " + a, "usage: " + USAGE);
            }
        }
        return new BenchmarkOptions(contexts, queries, warmup, seed, dir);
    }

    private static long number(String option, String v) {
        try {
            return Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new VivariumException(option + " needs a whole number, got \"" + v + "\"", "usage: " + USAGE);
        }
    }
}
