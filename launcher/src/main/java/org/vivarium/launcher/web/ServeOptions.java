package org.vivarium.launcher.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
        int port = DEFAULT_PORT;
        String host = DEFAULT_HOST;
        Path index = workDir.resolve("runs").resolve("index");
        Path runs = workDir.resolve("runs");
        long timeoutMs = DEFAULT_SEARCH_TIME_LIMIT.toMillis();
        int maxSearches = DEFAULT_MAX_SEARCHES;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--port" -> port = (int) number(a, value(args, ++i, a), 0, 65535);
                case "--host" -> host = value(args, ++i, a);
                case "--index" -> index = workDir.resolve(value(args, ++i, a));
                case "--runs" -> runs = workDir.resolve(value(args, ++i, a));
                case "--search-timeout-ms" -> timeoutMs = number(a, value(args, ++i, a), 1, 600_000);
                case "--max-searches" -> maxSearches = (int) number(a, value(args, ++i, a), 1, 256);
                default -> throw new UsageException("unknown serve argument " + a, USAGE);
            }
        }
        if (host.isBlank()) {
            throw new UsageException("--host needs an address", USAGE);
        }
        return new ServeOptions(port, host, index, runs, Duration.ofMillis(timeoutMs), maxSearches);
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

    private static long number(String option, String v, long min, long max) {
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a number from " + min + " to " + max + ", got " + v, USAGE);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value", USAGE);
        }
        return args.get(i);
    }
}
