package org.vivarium.index.bench;

import java.util.Arrays;

/**
 * Latency percentiles of one query type (nearest-rank), in milliseconds.
 *
 * @param count number of measured calls
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max slowest call
 * @param mean mean
 */
public record LatencyStats(int count, double p50, double p95, double p99, double max, double mean) {

    /**
     * Computes the statistics of measured durations.
     *
     * @param nanos durations in nanoseconds (not modified)
     * @return the statistics
     */
    public static LatencyStats of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return new LatencyStats(sorted.length, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, mean);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
