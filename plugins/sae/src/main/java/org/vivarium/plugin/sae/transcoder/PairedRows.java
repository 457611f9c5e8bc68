package org.vivarium.plugin.sae.transcoder;

import org.vivarium.plugin.sae.data.RowSource;

/**
 * Two row sources read in lockstep (the input and target hooks of the same cached run, same sequences) as one
 * row {@code [input | target]}, so the shuffling buffer keeps each pair together.
 */
public final class PairedRows implements RowSource {
    private final RowSource input;
    private final RowSource target;
    private final float[] a;
    private final float[] b;

    /**
     * @param input the input rows
     * @param target the target rows, one per input row
     * @throws IllegalArgumentException if the row counts differ
     */
    public PairedRows(RowSource input, RowSource target) {
        if (input.rows() != target.rows()) {
            throw new IllegalArgumentException("input and target hooks hold " + input.rows() + " and "
                    + target.rows() + " rows; cache both hooks in the same run");
        }
        this.input = input;
        this.target = target;
        a = new float[input.width()];
        b = new float[target.width()];
    }

    /** @return the input width */
    public int inputWidth() {
        return a.length;
    }

    @Override
    public int width() {
        return a.length + b.length;
    }

    @Override
    public long rows() {
        return input.rows();
    }

    @Override
    public boolean next(float[] into) {
        if (!input.next(a) || !target.next(b)) {
            return false;
        }
        System.arraycopy(a, 0, into, 0, a.length);
        System.arraycopy(b, 0, into, a.length, b.length);
        return true;
    }

    @Override
    public void restart() {
        input.restart();
        target.restart();
    }

    @Override
    public void close() {
        input.close();
        target.close();
    }
}
