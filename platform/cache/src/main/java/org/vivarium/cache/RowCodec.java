package org.vivarium.cache;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import org.vivarium.api.cache.CacheDtype;

/**
 * Moves rows between {@code float[]} and a little-endian byte buffer in a run's storage dtype.
 * One codec wraps one buffer; the views are created once.
 */
final class RowCodec {
    private final CacheDtype dtype;
    private final ByteBuffer bytes;
    private final FloatBuffer floats;
    private final ShortBuffer shorts;
    private short[] scratch = new short[0];

    RowCodec(CacheDtype dtype, ByteBuffer bytes) {
        this.dtype = dtype;
        this.bytes = bytes.order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer whole = this.bytes.duplicate().clear().order(ByteOrder.LITTLE_ENDIAN);
        this.floats = dtype == CacheDtype.F32 ? whole.asFloatBuffer() : null;
        this.shorts = dtype == CacheDtype.F16 ? whole.asShortBuffer() : null;
    }

    /** @return the wrapped buffer */
    ByteBuffer buffer() {
        return bytes;
    }

    /**
     * Stores {@code width} values from {@code src[off..]} as row {@code row} of the buffer.
     *
     * @param row row index within the buffer
     * @param width values per row
     * @param src source values
     * @param off offset into {@code src}
     */
    void put(int row, int width, float[] src, int off) {
        int index = row * width;
        if (floats != null) {
            floats.put(index, src, off, width);
        } else {
            short[] s = scratch(width);
            for (int i = 0; i < width; i++) {
                s[i] = Half.fromFloat(src[off + i]);
            }
            shorts.put(index, s, 0, width);
        }
    }

    /**
     * Decodes row {@code row} of the buffer into {@code into[0..width)}.
     *
     * @param row row index within the buffer
     * @param width values per row
     * @param into destination
     */
    void get(int row, int width, float[] into) {
        int index = row * width;
        if (floats != null) {
            floats.get(index, into, 0, width);
        } else {
            short[] s = scratch(width);
            shorts.get(index, s, 0, width);
            for (int i = 0; i < width; i++) {
                into[i] = Half.toFloat(s[i]);
            }
        }
    }

    /** @return the dtype of the stored rows */
    CacheDtype dtype() {
        return dtype;
    }

    private short[] scratch(int width) {
        if (scratch.length < width) {
            scratch = new short[width];
        }
        return scratch;
    }
}
