package org.vivarium.plugin.sae.data;

import java.util.SplittableRandom;

/**
 * Shuffles a row stream through a seeded mixing buffer and scales every row: each call returns a random
 * row of the buffer and refills its slot from the stream; at the end of a pass the buffer drains and the
 * source restarts, so epochs follow one another without end. Cached rows come in (sequence, position)
 * order, and neighbouring tokens are strongly correlated; the buffer breaks that up while memory stays
 * bounded ({@code capacity * width} floats).
 */
public final class ShuffledRows {
    private final RowSource source;
    private final float[][] buffer;
    private final SplittableRandom random;
    private final float scale;
    private int size;
    private boolean drained;
    private long served;
    private int passes;

    /**
     * Fills the buffer.
     *
     * @param source the stream (restarted at each pass end; not closed here)
     * @param capacity rows held for mixing
     * @param seed the shuffle seed
     * @param scale multiplies every row
     */
    public ShuffledRows(RowSource source, int capacity, long seed, float scale) {
        this.source = source;
        this.buffer = new float[(int) Math.max(1, Math.min(capacity, source.rows()))][source.width()];
        this.random = new SplittableRandom(seed);
        this.scale = scale;
        fill();
    }

    private void fill() {
        size = 0;
        while (size < buffer.length && source.next(buffer[size])) {
            size++;
        }
        drained = size < buffer.length;
    }

    /**
     * Writes the next row, scaled.
     *
     * @param out receives {@code width} values
     */
    public void next(float[] out) {
        if (size == 0) {
            passes++;
            source.restart();
            fill();
        }
        int j = random.nextInt(size);
        float[] row = buffer[j];
        for (int i = 0; i < out.length; i++) {
            out[i] = row[i] * scale;
        }
        if (drained || !source.next(row)) {
            drained = true;
            float[] last = buffer[size - 1];
            buffer[size - 1] = row;
            buffer[j] = last;
            size--;
        }
        served++;
    }

    /** @return rows served so far */
    public long served() {
        return served;
    }

    /** @return completed passes over the source */
    public int passes() {
        return passes;
    }
}
