package org.vivarium.api.cache;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Streams a hook's rows from disk in the order they were written, holding only a read buffer in
 * memory, so runs larger than the heap can be scanned.
 *
 * <pre>{@code
 * try (RowCursor c = cache.rows("run1", "blocks.0.hook_resid_post")) {
 *     float[] x = new float[c.width()];
 *     while (c.next()) {
 *         c.read(x);               // reuses x
 *         train(c.seq(), c.pos(), x);
 *     }
 * }
 * }</pre>
 */
@ProviderType
public interface RowCursor extends AutoCloseable {

    /**
     * Returns the row width.
     *
     * @return values per row
     */
    int width();

    /**
     * Returns how many rows this cursor yields in total.
     *
     * @return the row count
     */
    long size();

    /**
     * Moves to the next row.
     *
     * @return false when there are no more rows
     */
    boolean next();

    /**
     * Returns the current row's sequence index.
     *
     * @return the sequence index
     */
    int seq();

    /**
     * Returns the current row's token position.
     *
     * @return the position
     */
    int pos();

    /**
     * Copies the current row into {@code into}.
     *
     * @param into a buffer of at least {@link #width()} values, typically reused for every row
     */
    void read(float[] into);

    /**
     * Returns the current row as a new array.
     *
     * @return a copy of the values
     */
    default float[] row() {
        float[] out = new float[width()];
        read(out);
        return out;
    }

    /**
     * Adapts this cursor to an iterator of freshly allocated rows (convenient, but allocates one
     * array per row; use {@link #read(float[])} for large scans).
     *
     * @return an iterator over the remaining rows
     */
    default Iterator<CachedRow> iterator() {
        return new Iterator<>() {
            private Boolean ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    ahead = RowCursor.this.next();
                }
                return ahead;
            }

            @Override
            public CachedRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more cached rows");
                }
                ahead = null;
                return new CachedRow(seq(), pos(), row());
            }
        };
    }

    /** Releases the open files. */
    @Override
    void close();
}
