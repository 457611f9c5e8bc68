package org.vivarium.launcher.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.vivarium.api.VivariumException;
import org.vivarium.index.LuceneContextIndex;
import org.vivarium.index.bench.IndexBenchmark;
import org.vivarium.index.bench.LatencyStats;
import org.vivarium.index.bench.QueryMix;
import org.vivarium.index.bench.SyntheticContexts;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.web.ServeOptions;
import org.vivarium.launcher.web.WebServer;

/**
 * {@code viv bench web-search}: search latency through HTTP. Builds (or, with {@code --dir}, reuses) a synthetic
 * context index the way {@code viv bench index} does, starts {@code viv serve}'s web server on a free loopback port
 * inside this host, and sends text, feature, feature+text and range+sort queries one after another to
 * {@code GET /api/search} with {@code java.net.http}, timing each request from send to the last byte of the body
 * (parsing, Lucene search and facets, highlighting, JSON, Jetty and the loopback socket).
 */
final class WebSearchBenchmark {
    private static final List<QueryMix> TYPES = List.of(QueryMix.TEXT, QueryMix.FEATURE, QueryMix.FEATURE_TEXT,
            QueryMix.RANGE_SORT);

    private final WebSearchOptions options;
    private final CliContext ctx;
    private final PrintStream out;

    WebSearchBenchmark(WebSearchOptions options, CliContext ctx) {
        this.options = options;
        this.ctx = ctx;
        this.out = ctx.out();
    }

    /** Runs the benchmark and prints the report. */
    void run() {
        boolean temporary = options.dir() == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("viv-web-bench") : options.dir();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            out.println(IndexBenchmark.machine());
            Path index = prepareIndex(dir);
            double loadStart = load();
            ServeOptions serve = new ServeOptions(0, "127.0.0.1", index, dir, options.searchTimeLimit());
            try (WebServer server = WebServer.start(ctx.host(), serve, ctx.home().resolve("bundles").resolve("web"))) {
                out.printf(Locale.ROOT, "server: %s (Felix HTTP Jetty in this JVM, search time limit %d ms)%n",
                        server.url(), options.searchTimeLimit().toMillis());
                measure(server.url(), loadStart);
            }
        } finally {
            if (temporary) {
                IndexBenchmark.deleteTree(dir);
            }
        }
    }

    /** Reuses {@code DIR/index} when {@code DIR/bench.json} says it holds the same contexts and seed, else builds it. */
    private Path prepareIndex(Path dir) {
        Path index = dir.resolve("index");
        Path marker = dir.resolve("bench.json");
        String expected = String.format(Locale.ROOT, "{\"contexts\": %d, \"seed\": %d, \"generator\": \"standard\"}",
                options.contexts(), options.seed());
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(expected)) {
                try (LuceneContextIndex idx = LuceneContextIndex.openReadOnly(index)) {
                    out.printf(Locale.ROOT, "index: reusing %s (%,d contexts, seed %d)%n", index, idx.count("*"),
                            options.seed());
                }
                return index;
            }
            if (Files.exists(index)) {
                IndexBenchmark.deleteTree(index);
            }
            Files.deleteIfExists(marker);
            out.printf(Locale.ROOT, "index: building %,d synthetic contexts (seed %d) in %s%n", options.contexts(),
                    options.seed(), index);
            IndexBenchmark.build(index, SyntheticContexts.standard(options.seed()), options.contexts(), out);
            Files.writeString(marker, expected + "\n");
            return index;
        } catch (IOException e) {
            throw new VivariumException("cannot prepare the benchmark index in " + dir + ": " + e.getMessage(),
                    "pass another --dir, or check free disk space", e);
        }
    }

    private void measure(URI base, double loadStart) {
        SyntheticContexts gen = SyntheticContexts.standard(options.seed());
        SplittableRandom random = new SplittableRandom(options.seed() + 1);
        int total = options.warmup() + options.queries();
        Map<QueryMix, List<String>> queries = new EnumMap<>(QueryMix.class);
        for (QueryMix t : TYPES) {
            queries.put(t, t.queries(gen, random, total));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Map<QueryMix, List<Long>> nanos = new EnumMap<>(QueryMix.class);
        Map<QueryMix, Long> matches = new EnumMap<>(QueryMix.class);
        Map<Integer, Integer> statuses = new TreeMap<>();
        long[] all = new long[options.queries()];
        long bytes = 0;
        for (int i = 0; i < total; i++) {
            QueryMix type = TYPES.get(i % TYPES.size());
            String q = queries.get(type).get(i / TYPES.size());
            HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/search?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(60)).GET().build();
            long t0 = System.nanoTime();
            HttpResponse<String> resp = send(http, req);
            long dt = System.nanoTime() - t0;
            if (i < options.warmup()) {
                continue;
            }
            int k = i - options.warmup();
            all[k] = dt;
            nanos.computeIfAbsent(type, x -> new ArrayList<>()).add(dt);
            statuses.merge(resp.statusCode(), 1, Integer::sum);
            bytes += resp.body().length();
            if (resp.statusCode() == 200) {
                JsonObject o = JsonParser.parseString(resp.body()).getAsJsonObject();
                matches.merge(type, o.get("totalHits").getAsLong(), Long::sum);
            }
        }
        report(nanos, matches, statuses, all, bytes, loadStart);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VivariumException("the benchmark's request " + req.uri() + " failed: " + e.getMessage(),
                    "rerun it; --debug shows Jetty's log", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VivariumException("the benchmark was interrupted", "rerun it");
        }
    }

    private void report(Map<QueryMix, List<Long>> nanos, Map<QueryMix, Long> matches, Map<Integer, Integer> statuses,
            long[] all, long bytes, double loadStart) {
        out.printf(Locale.ROOT, "queries: %,d measured after %,d warm-up, one client sending one request at a time,"
                + " GET /api/search?q=... (top 20 by activation, highlighted, + 15 feature facets), HTTP/1.1"
                + " keep-alive%n", options.queries(), options.warmup());
        String row = "%-13s %5s %9s %8s %8s %8s %8s %8s%n";
        out.printf(Locale.ROOT, row, "type", "n", "matches", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms");
        for (QueryMix t : TYPES) {
            List<Long> ns = nanos.getOrDefault(t, List.of());
            if (!ns.isEmpty()) {
                line(row, t.label(), ns.stream().mapToLong(Long::longValue).toArray(),
                        String.format(Locale.ROOT, "%,.0f", matches.getOrDefault(t, 0L) / (double) ns.size()));
            }
        }
        line(row, "all", all, "");
        out.printf(Locale.ROOT, "responses: %s; mean body %,.0f characters%n", statuses, bytes / (double) all.length);
        var threads = ManagementFactory.getThreadMXBean();
        out.printf(Locale.ROOT, "load average (1 min): %.2f at the start of the queries, %.2f at the end;"
                + " %d available processors; JVM threads %d now, %d peak%n", loadStart, load(),
                Runtime.getRuntime().availableProcessors(), threads.getThreadCount(), threads.getPeakThreadCount());
    }

    private void line(String row, String label, long[] ns, String matches) {
        LatencyStats s = LatencyStats.of(ns);
        out.printf(Locale.ROOT, row, label, s.count(), matches, ms(s.p50()), ms(s.p95()), ms(s.p99()), ms(s.max()),
                ms(s.mean()));
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
