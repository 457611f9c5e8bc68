package org.vivarium.cache;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.NoSuchElementException;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.RowCursor;

/**
 * Streams a hook's committed chunks from the segment files through one direct read buffer,
 * decoding rows on demand; memory use is the buffer plus the keys of one chunk.
 */
final class SegmentRowCursor implements RowCursor {
    private final StoreLayout layout;
    private final long runKey;
    private final int width;
    private final int rowBytes;
    private final List<Chunk> chunks;
    private final int fromSeq;
    private final int toSeq;
    private final long size;
    private final RowCodec codec;
    private final int blockCapacity;
    private int[] seqs = new int[0];
    private int[] poss = new int[0];
    private int chunkIndex = -1;
    private Chunk chunk;
    private int blockStart;
    private int blockRows;
    private int cur = -1;
    private boolean positioned;
    private FileChannel channel;
    private int channelSegment = -1;

    SegmentRowCursor(StoreLayout layout, long runKey, CacheDtype dtype, int width, List<Chunk> chunks, int fromSeq,
            int toSeq, int readBytes) {
        this.layout = layout;
        this.runKey = runKey;
        this.width = width;
        this.rowBytes = width * dtype.bytesPerValue();
        this.chunks = chunks;
        this.fromSeq = fromSeq;
        this.toSeq = toSeq;
        this.size = chunks.stream().mapToLong(c -> c.countInRange(fromSeq, toSeq)).sum();
        this.blockCapacity = Math.max(1, readBytes / rowBytes);
        this.codec = new RowCodec(dtype, ByteBuffer.allocateDirect(blockCapacity * rowBytes));
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean next() {
        positioned = false;
        while (true) {
            cur++;
            if (cur < blockRows) {
                int seq = seqs[blockStart + cur];
                if (seq >= fromSeq && seq < toSeq) {
                    positioned = true;
                    return true;
                }
            } else if (chunk != null && blockStart + blockRows < chunk.rows()) {
                load(blockStart + blockRows);
            } else if (chunkIndex + 1 < chunks.size()) {
                chunk = chunks.get(++chunkIndex);
                if (seqs.length < chunk.rows()) {
                    seqs = new int[chunk.rows()];
                    poss = new int[chunk.rows()];
                }
                chunk.expand(seqs, poss);
                load(0);
            } else {
                chunk = null;
                blockRows = 0;
                cur = -1;
                return false;
            }
        }
    }

    @Override
    public int seq() {
        requireRow();
        return seqs[blockStart + cur];
    }

    @Override
    public int pos() {
        requireRow();
        return poss[blockStart + cur];
    }

    @Override
    public void read(float[] into) {
        requireRow();
        if (into.length < width) {
            throw new IllegalArgumentException("buffer holds " + into.length + " values, rows have " + width);
        }
        codec.get(cur, width, into);
    }

    @Override
    public void close() {
        closeChannel();
    }

    private void load(int startRow) {
        int n = Math.min(blockCapacity, chunk.rows() - startRow);
        ByteBuffer b = codec.buffer();
        b.clear();
        b.limit(n * rowBytes);
        long at = chunk.offset() + (long) startRow * rowBytes;
        try {
            FileChannel ch = channel(chunk.segment());
            while (b.hasRemaining()) {
                int r = ch.read(b, at + b.position());
                if (r < 0) {
                    throw new EOFException("segment " + layout.segment(runKey, chunk.segment()) + " ends early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cached rows", e);
        }
        blockStart = startRow;
        blockRows = n;
        cur = -1;
    }

    private FileChannel channel(int segment) throws IOException {
        if (segment != channelSegment) {
            closeChannel();
            channel = FileChannel.open(layout.segment(runKey, segment), StandardOpenOption.READ);
            channelSegment = segment;
        }
        return channel;
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only channel
            }
            channel = null;
            channelSegment = -1;
        }
    }

    private void requireRow() {
        if (!positioned) {
            throw new NoSuchElementException("call next() and check it returned true before reading a row");
        }
    }
}
