package org.vivarium.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.vivarium.launcher.args.Flags;
import org.vivarium.launcher.web.ServeOptions;

/**
 * Settings of {@code viv bench web-search [--contexts 1000000] [--queries 200] [--warmup 50] [--seed 42]
 * [--dir DIR] [--search-timeout-ms 5000]}.
 *
 * @param contexts synthetic contexts in the index
 * @param queries measured HTTP searches
 * @param warmup unmeasured searches first
 * @param seed seed of the contexts and the queries
 * @param dir where to keep (and next time reuse) the index, or null for a temporary one deleted afterwards
 * @param searchTimeLimit the server's search time limit
 */
record WebSearchOptions(int contexts, int queries, int warmup, long seed, Path dir, Duration searchTimeLimit) {
    /** One-line usage. */
    static final String USAGE = "bench web-search [--contexts 1000000] [--queries 200] [--warmup 50] [--seed 42]"
            + " [--dir DIR] [--search-timeout-ms 5000]";

    /**
     * @param args the arguments after {@code bench web-search}
     * @param workDir where a relative {@code --dir} resolves
     * @return the options
     * @throws org.vivarium.launcher.cli.UsageException on an unknown option or a bad value
     */
    static WebSearchOptions parse(List<String> args, Path workDir) {
        Flags f = Flags.parse(args, Set.of("contexts", "queries", "warmup", "seed", "dir", "search-timeout-ms"),
                Set.of(), USAGE);
        return new WebSearchOptions(f.intValue("contexts", 1_000_000, 1, 100_000_000),
                f.intValue("queries", 200, 1, 1_000_000), f.intValue("warmup", 50, 0, 1_000_000),
                f.longValue("seed", 42, 0, Long.MAX_VALUE), f.has("dir") ? workDir.resolve(f.path("dir", null)) : null,
                Duration.ofMillis(f.longValue("search-timeout-ms", ServeOptions.DEFAULT_SEARCH_TIME_LIMIT.toMillis(), 1,
                        600_000)));
    }
}
