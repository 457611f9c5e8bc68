package org.vivarium.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.cli.CommandParser;
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
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.integer("contexts", "N", "contexts indexed", 1, 100_000_000),
            CommandOption.integer("queries", "N", "timed queries", 1, 1_000_000),
            CommandOption.integer("warmup", "N", "untimed queries first", 0, 1_000_000),
            CommandOption.integer("seed", "N", "random seed", 0, Long.MAX_VALUE),
            CommandOption.path("dir", "DIR", "index directory (default: a temporary one)"),
            CommandOption.integer("search-timeout-ms", "MS", "search time limit", 1, 600_000));

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
        CommandInput f = CommandParser.parse(args, OPTIONS, USAGE);
        return new WebSearchOptions(f.getInt("contexts", 1_000_000),
                f.getInt("queries", 200), f.getInt("warmup", 50),
                f.getLong("seed", 42), f.has("dir") ? f.requirePath("dir", workDir) : null,
                Duration.ofMillis(f.getLong("search-timeout-ms", ServeOptions.DEFAULT_SEARCH_TIME_LIMIT.toMillis())));
    }
}
