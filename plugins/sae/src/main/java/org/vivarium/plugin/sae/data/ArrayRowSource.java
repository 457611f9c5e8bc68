package org.vivarium.plugin.sae.data;

/** Rows held in memory, e.g. synthetic data for tests and benchmarks. Row {@code i} is sequence {@code i}. */
public final class ArrayRowSource implements RowSource {
    private final float[][] data;
    private int next;

    /**
     * @param data the rows (not copied), all the same width
     */
    public ArrayRowSource(float[][] data) {
        if (data.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        this.data = data;
    }

    @Override
    public int width() {
        return data[0].length;
    }

    @Override
    public long rows() {
        return data.length;
    }

    @Override
    public boolean next(float[] into) {
        if (next >= data.length) {
            return false;
        }
        System.arraycopy(data[next++], 0, into, 0, into.length);
        return true;
    }

    @Override
    public int seq() {
        return next - 1;
    }

    @Override
    public int pos() {
        return 0;
    }

    @Override
    public void restart() {
        next = 0;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
