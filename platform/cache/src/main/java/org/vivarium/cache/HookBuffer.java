package org.vivarium.cache;

import java.nio.ByteBuffer;
import org.vivarium.api.cache.CacheDtype;

/** The write buffer of one hook: encoded rows plus their (seq, pos) keys, drained as one chunk. */
final class HookBuffer {
    private final String hook;
    private final int width;
    private final int rowBytes;
    private final int capacity;
    private final RowCodec codec;
    private final int[] seqs;
    private final int[] poss;
    private int rows;

    HookBuffer(String hook, int width, CacheDtype dtype, int bufferBytes) {
        this.hook = hook;
        this.width = width;
        this.rowBytes = width * dtype.bytesPerValue();
        this.capacity = Math.max(1, bufferBytes / rowBytes);
        this.codec = new RowCodec(dtype, ByteBuffer.allocateDirect(capacity * rowBytes));
        this.seqs = new int[capacity];
        this.poss = new int[capacity];
    }

    String hook() {
        return hook;
    }

    int width() {
        return width;
    }

    int rowBytes() {
        return rowBytes;
    }

    int rows() {
        return rows;
    }

    boolean full() {
        return rows == capacity;
    }

    void put(int seq, int pos, float[] src, int off) {
        codec.put(rows, width, src, off);
        seqs[rows] = seq;
        poss[rows] = pos;
        rows++;
    }

    /** @return the encoded rows, ready to write (position 0, limit at the end of the last row) */
    ByteBuffer bytes() {
        ByteBuffer b = codec.buffer();
        b.clear();
        b.limit(rows * rowBytes);
        return b;
    }

    Chunk toChunk(int segment, long offset) {
        return Chunk.of(segment, offset, seqs, poss, rows);
    }

    void clear() {
        rows = 0;
    }
}
