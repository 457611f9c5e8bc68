package org.vivarium.plugin.sae.data;

import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.cache.RowCursor;

/**
 * Streams one hook of a cached run, optionally restricted to a range of sequences, from disk: only the
 * cursor's read buffer is in memory, so runs larger than the heap train fine.
 */
public final class CacheRowSource implements RowSource {
    private final ActivationCache cache;
    private final String run;
    private final String hook;
    private final int fromSeq;
    private final int toSeq;
    private RowCursor cursor;
    private final int width;
    private final long rows;

    /**
     * Opens the first pass.
     *
     * @param cache the open cache (not closed by this source)
     * @param run the run id
     * @param hook the hook path
     * @param fromSeq first sequence, inclusive
     * @param toSeq last sequence, exclusive
     * @throws VivariumException if the run or hook is unknown, or the range holds no rows
     */
    public CacheRowSource(ActivationCache cache, String run, String hook, int fromSeq, int toSeq) {
        this.cache = cache;
        this.run = run;
        this.hook = hook;
        this.fromSeq = fromSeq;
        this.toSeq = toSeq;
        this.cursor = cache.rows(run, hook, fromSeq, toSeq);
        this.width = cursor.width();
        this.rows = cursor.size();
        if (rows == 0) {
            cursor.close();
            throw new VivariumException("cached run " + run + " has no rows of " + hook + " in sequences [" + fromSeq
                    + ", " + toSeq + ")", "cache activations first with 'viv cache CKPT --prompts FILE --hooks "
                    + hook + " --run " + run + "'");
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public boolean next(float[] into) {
        if (!cursor.next()) {
            return false;
        }
        cursor.read(into);
        return true;
    }

    @Override
    public int seq() {
        return cursor.seq();
    }

    @Override
    public int pos() {
        return cursor.pos();
    }

    @Override
    public void restart() {
        cursor.close();
        cursor = cache.rows(run, hook, fromSeq, toSeq);
    }

    @Override
    public void close() {
        cursor.close();
    }
}
