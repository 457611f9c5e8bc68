package org.vivarium.cache.bench;

/**
 * Throughputs measured by {@link CacheBenchmark}, in MiB/s of row data (f32 input size).
 *
 * @param bytes bytes of f32 row data moved per measurement
 * @param plainWrite sequential FileChannel write plus one fsync at the end
 * @param plainBatchedWrite the same, with an fsync after every batch (the cache's durability cadence)
 * @param cacheWrite cache append + commit per batch + finish
 * @param plainRead sequential FileChannel read, decoded to floats
 * @param cacheRead cache streaming read into one reused buffer
 */
public record BenchResult(long bytes, double plainWrite, double plainBatchedWrite, double cacheWrite,
        double plainRead, double cacheRead) {

    /** @return how many times slower the cache writes than the plain file (target: at most 2) */
    public double writeRatio() {
        return plainWrite / cacheWrite;
    }

    /** @return how many times slower the cache reads than the plain file (target: at most 2) */
    public double readRatio() {
        return plainRead / cacheRead;
    }
}
