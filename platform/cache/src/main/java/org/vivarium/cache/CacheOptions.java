package org.vivarium.cache;

/**
 * Tuning and limits of a {@link MapDbActivationCache}.
 *
 * @param maxBytes the most row data the cache may hold; appends past it fail with a clear error
 * @param segmentBytes the size at which a run's data file rolls over to a new one
 * @param bufferBytes the write buffer per hook; also the largest unit of a committed range
 * @param fsync whether {@code commit()} fsyncs data and metadata (turn off only for throwaway caches)
 */
public record CacheOptions(long maxBytes, long segmentBytes, int bufferBytes, boolean fsync) {
    /** Default size limit: 8 GiB. */
    public static final long DEFAULT_MAX_BYTES = 8L << 30;

    /** Validates the values. */
    public CacheOptions {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0, got " + maxBytes);
        }
        if (bufferBytes < 4096) {
            throw new IllegalArgumentException("bufferBytes must be >= 4096, got " + bufferBytes);
        }
        if (segmentBytes < 2L * bufferBytes) {
            throw new IllegalArgumentException("segmentBytes must be >= 2 * bufferBytes, got " + segmentBytes);
        }
    }

    /**
     * Returns the defaults: 8 GiB limit, 1 GiB segments, 1 MiB buffer per hook, fsync on commit.
     *
     * @return the default options
     */
    public static CacheOptions defaults() {
        return new CacheOptions(DEFAULT_MAX_BYTES, 1L << 30, 1 << 20, true);
    }

    /**
     * Returns a copy with another size limit.
     *
     * @param bytes the new limit
     * @return the options
     */
    public CacheOptions withMaxBytes(long bytes) {
        return new CacheOptions(bytes, segmentBytes, bufferBytes, fsync);
    }

    /**
     * Returns a copy with another segment size.
     *
     * @param bytes the new segment size
     * @return the options
     */
    public CacheOptions withSegmentBytes(long bytes) {
        return new CacheOptions(maxBytes, bytes, bufferBytes, fsync);
    }

    /**
     * Returns a copy with another per-hook buffer size.
     *
     * @param bytes the new buffer size
     * @return the options
     */
    public CacheOptions withBufferBytes(int bytes) {
        return new CacheOptions(maxBytes, segmentBytes, bytes, fsync);
    }
}
