package org.vivarium.index.bench;

import java.util.Map;

/**
 * What {@link IndexBenchmark} measured.
 *
 * @param contexts number of contexts indexed
 * @param contextsPerSecond indexing throughput, including the final commit (generation excluded)
 * @param indexBytes size of the index on disk
 * @param latencies query latencies by query type label, in the order they were reported
 * @param meanHits mean number of contexts matching the queries of each type (counted outside the timing)
 */
public record BenchmarkResult(long contexts, double contextsPerSecond, long indexBytes,
        Map<String, LatencyStats> latencies, Map<String, Double> meanHits) {
}
