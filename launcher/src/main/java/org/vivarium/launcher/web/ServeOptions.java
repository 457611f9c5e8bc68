package org.vivarium.launcher.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.cli.CommandParser;
import org.vivarium.launcher.cli.UsageException;

/**
 * Parsed arguments of {@code viv serve [--port 8077] [--host 127.0.0.1] [--index DIR] [--runs DIR]
 * [--search-timeout-ms 5000] [--max-searches 4]}.
 *
 * @param port the TCP port, 0 for any free port
 * @param host the address to bind, loopback unless given explicitly
 * @param index the context index directory, opened read-only
 * @param runs the runs directory whose runs, audits and leaderboards the pages show (read-only)
 * @param searchTimeLimit the longest one search (collection, stored fields and highlighting) may take before it is
 *     refused with HTTP 503
 * @param maxSearches how many requests may search the index at once; one more is refused with HTTP 503 and
 *     {@code Retry-After}
 */
public record ServeOptions(int port, String host, Path index, Path runs, Duration searchTimeLimit, int maxSearches) {
    /** Default port. */
    public static final int DEFAULT_PORT = 8077;
    /** Default bind address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** One-line usage. */
    public static final String USAGE = "serve [--port 8077] [--host 127.0.0.1] [--index DIR] [--runs DIR]"
            + " [--search-timeout-ms 5000] [--max-searches 4]";
    /** Default search time limit. */
    public static final Duration DEFAULT_SEARCH_TIME_LIMIT = Duration.ofSeconds(5);
    /** Default number of concurrent searches: two per core of the 2-core machines this is sized for. */
    public static final int DEFAULT_MAX_SEARCHES = 4;

    /**
     * Options with the default cap on concurrent searches.
     *
     * @param port the TCP port
     * @param host the bind address
     * @param index the index directory
     * @param runs the runs directory
     * @param searchTimeLimit the longest one search may take
     */
    public ServeOptions(int port, String host, Path index, Path runs, Duration searchTimeLimit) {
        this(port, host, index, runs, searchTimeLimit, DEFAULT_MAX_SEARCHES);
    }

    /** The options of {@code viv serve}. */
    public static final List<CommandOption> OPTIONS = List.of(
            CommandOption.integer("port", "PORT", "port, 0 for any free one (default 8077)", 0, 65535),
            CommandOption.text("host", "ADDRESS", "bind address (default 127.0.0.1, loopback only)"),
            CommandOption.path("index", "DIR", "the context index (default runs/index)"),
            CommandOption.path("runs", "DIR", "runs shown on the pages (default runs)"),
            CommandOption.integer("search-timeout-ms", "MS", "search time limit (default 5000)", 1, 600_000),
            CommandOption.integer("max-searches", "N", "searches served at once; more get 503 (default 4)", 1, 256));

    /**
     * Options with the default runs directory (the index's parent) and search time limit.
     *
     * @param port the TCP port
     * @param host the bind address
     * @param index the index directory
     */
    public ServeOptions(int port, String host, Path index) {
        this(port, host, index, java.util.Objects.requireNonNullElse(index.toAbsolutePath().getParent(), index),
                DEFAULT_SEARCH_TIME_LIMIT);
    }

    /**
     * Parses the arguments after {@code serve}.
     *
     * @param args the arguments
     * @param workDir where a relative {@code --index} or {@code --runs} and the defaults {@code runs/index} and
     *     {@code runs} resolve
     * @return the options
     * @throws UsageException on an unknown option or a bad value
     */
    public static ServeOptions parse(List<String> args, Path workDir) {
        CommandInput in = CommandParser.parse(args, OPTIONS, USAGE);
        in.noPositionals();
        String host = in.get("host", DEFAULT_HOST);
        if (host.isBlank()) {
            throw new UsageException("--host needs an address", USAGE);
        }
        return new ServeOptions(in.getInt("port", DEFAULT_PORT), host,
                in.path("index", workDir).orElse(workDir.resolve("runs").resolve("index")),
                in.path("runs", workDir).orElse(workDir.resolve("runs")),
                Duration.ofMillis(in.getLong("search-timeout-ms", DEFAULT_SEARCH_TIME_LIMIT.toMillis())),
                in.getInt("max-searches", DEFAULT_MAX_SEARCHES));
    }

    /** @return whether the bind address is a loopback address (given literally or as {@code localhost}) */
    public boolean loopback() {
        String h = host.trim().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    /** @return the warning printed when the pages are reachable from other machines */
    public Optional<String> warning() {
        if (loopback()) {
            return Optional.empty();
        }
        return Optional.of("warning: serving on " + host + ", not loopback: the pages have no login, so anyone who"
                + " can reach this address can read the index and the plugin list");
    }
}
