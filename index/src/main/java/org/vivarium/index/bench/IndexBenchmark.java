package org.vivarium.index.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.index.LuceneContextIndex;

/**
 * Benchmarks the context index ({@code viv bench index}): indexes synthetic contexts, then times a
 * mix of text, feature, feature+text, range+sort and aggregation queries through the public API
 * (including stored-field loading and highlighting of the top 20) on the index reopened read-only, as
 * {@code viv search} opens it, after the writer has closed and its merges have finished.
 *
 * <pre>
 * java -Xmx1g -cp ... org.vivarium.index.bench.IndexBenchmark --contexts 1000000 --queries 1000
 * </pre>
 */
public final class IndexBenchmark {
    private static final int BATCH = 10_000;
    private static final int TOP = 20;

    private IndexBenchmark() {
    }

    /**
     * Runs the benchmark from the command line and prints the report to standard output.
     *
     * @param args see {@link BenchmarkOptions#USAGE}
     */
    public static void main(String[] args) {
        run(BenchmarkOptions.parse(List.of(args)), System.out);
    }

    /**
     * Runs the benchmark.
     *
     * @param options sizes, seed and index directory
     * @param out where progress and the report go
     * @return the measurements
     */
    public static BenchmarkResult run(BenchmarkOptions options, PrintStream out) {
        boolean temporary = options.dir() == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("viv-index-bench") : options.dir();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(machine());
        SyntheticContexts gen = SyntheticContexts.standard(options.seed());
        try {
            double rate = build(dir, gen, options.contexts(), out);
            long bytes = sizeOf(dir);
            Map<String, LatencyStats> latencies = new LinkedHashMap<>();
            Map<String, Double> meanHits = new LinkedHashMap<>();
            try (LuceneContextIndex index = LuceneContextIndex.openReadOnly(dir)) {
                measureQueries(index, gen, options, latencies, meanHits);
            }
            printLatencies(out, options, latencies, meanHits);
            return new BenchmarkResult(options.contexts(), rate, bytes, latencies, meanHits);
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    /**
     * Indexes synthetic contexts into a new index and closes it (waiting for background merges), printing progress
     * and the throughput; {@code viv bench web-search} builds its index this way too.
     *
     * @param dir an empty or missing index directory
     * @param gen the generator (its state advances)
     * @param n how many contexts
     * @param out where progress goes
     * @return contexts per second (add + commit, generation excluded)
     */
    public static double build(Path dir, SyntheticContexts gen, int n, PrintStream out) {
        double rate;
        long closeNanos;
        try (LuceneContextIndex index = LuceneContextIndex.open(dir)) {
            rate = indexContexts(index, gen, n, out);
            closeNanos = System.nanoTime();
        }
        closeNanos = System.nanoTime() - closeNanos;
        out.printf(Locale.ROOT, "index: %,d contexts, %.0f contexts/s (add + commit), %.1f MB on disk;"
                + " close (waits for background merges) %.1f s%n", n, rate, sizeOf(dir) / 1e6, closeNanos / 1e9);
        return rate;
    }

    private static double indexContexts(LuceneContextIndex index, SyntheticContexts gen, int n, PrintStream out) {
        long indexNanos = 0;
        int done = 0;
        int nextReport = Math.max(n / 10, BATCH);
        while (done < n) {
            var batch = gen.next(Math.min(BATCH, n - done));
            long t0 = System.nanoTime();
            index.add(batch);
            indexNanos += System.nanoTime() - t0;
            done += batch.size();
            if (done >= nextReport && done < n) {
                out.printf(Locale.ROOT, "  indexed %,d contexts%n", done);
                nextReport += Math.max(n / 10, BATCH);
            }
        }
        long t0 = System.nanoTime();
        index.commit();
        indexNanos += System.nanoTime() - t0;
        return n / (indexNanos / 1e9);
    }

    private static void measureQueries(LuceneContextIndex index, SyntheticContexts gen, BenchmarkOptions options,
            Map<String, LatencyStats> latencies, Map<String, Double> meanHits) {
        SplittableRandom random = new SplittableRandom(options.seed() + 1);
        int total = options.warmup() + options.queries();
        Map<QueryMix, List<String>> queries = new EnumMap<>(QueryMix.class);
        for (QueryMix type : QueryMix.values()) {
            queries.put(type, type.queries(gen, random, total));
        }
        Map<QueryMix, long[]> nanos = new EnumMap<>(QueryMix.class);
        Map<QueryMix, Long> hits = new EnumMap<>(QueryMix.class);
        for (QueryMix type : QueryMix.values()) {
            nanos.put(type, new long[options.queries()]);
            hits.put(type, 0L);
        }
        SearchOptions searchOptions = SearchOptions.defaults().withTop(TOP);
        for (int i = 0; i < total; i++) {
            for (QueryMix type : QueryMix.values()) {
                String q = queries.get(type).get(i);
                long t0 = System.nanoTime();
                if (type == QueryMix.AGGREGATION) {
                    index.topFeatures(q, TOP);
                } else {
                    index.search(q, searchOptions);
                }
                long dt = System.nanoTime() - t0;
                if (i >= options.warmup()) {
                    nanos.get(type)[i - options.warmup()] = dt;
                    hits.merge(type, index.count(q), Long::sum);
                }
            }
        }
        for (QueryMix type : QueryMix.values()) {
            latencies.put(type.label(), LatencyStats.of(nanos.get(type)));
            meanHits.put(type.label(), hits.get(type) / (double) options.queries());
        }
    }

    private static void printLatencies(PrintStream out, BenchmarkOptions options, Map<String, LatencyStats> latencies,
            Map<String, Double> meanHits) {
        out.printf(Locale.ROOT, "queries: %,d measured per type after %,d warm-up, top %d, one thread%n",
                options.queries(), options.warmup(), TOP);
        String row = "%-13s %9s %8s %8s %8s %8s %8s%n";
        out.printf(Locale.ROOT, row, "type", "matches", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms");
        latencies.forEach((label, s) -> out.printf(Locale.ROOT, row, label,
                String.format(Locale.ROOT, "%,.0f", meanHits.get(label)), f(s.p50()), f(s.p95()), f(s.p99()),
                f(s.max()), f(s.mean())));
    }

    private static String f(double ms) {
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    /** @return one line about the machine and JVM: OS, cores, Java, heap, JVM arguments */
    public static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "machine: %s %s, %d cores, Java %s (%s), max heap %d MB, args %s",
                System.getProperty("os.name"), System.getProperty("os.arch"), rt.availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes a directory and everything in it (a benchmark's temporary index).
     *
     * @param dir the directory
     */
    public static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
