package org.vivarium.plugin.sae.data;

/**
 * A stream of equal-width activation rows that can be read again from the start (one pass is an epoch).
 *
 * <pre>{@code
 * try (RowSource src = new CacheRowSource(cache, "lm-text", "blocks.1.hook_resid_post", 0, 950)) {
 *     float[] x = new float[src.width()];
 *     while (src.next(x)) { ... }
 *     src.restart();
 * }
 * }</pre>
 */
public interface RowSource extends AutoCloseable {
    /** @return values per row */
    int width();

    /** @return rows in one pass */
    long rows();

    /**
     * Reads the next row of the current pass.
     *
     * @param into receives {@link #width()} values
     * @return false when the pass is over (nothing is written then)
     */
    boolean next(float[] into);

    /**
     * Reads the sequence index of the row last returned by {@link #next}, or -1 if unknown.
     *
     * @return the sequence index
     */
    default int seq() {
        return -1;
    }

    /**
     * Reads the token position of the row last returned by {@link #next}, or -1 if unknown.
     *
     * @return the position
     */
    default int pos() {
        return -1;
    }

    /** Starts a new pass from the first row. */
    void restart();

    /** Releases files. */
    @Override
    void close();
}
