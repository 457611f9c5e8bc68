package org.vivarium.checkpoint.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Moves {@code float} arrays to and from channels as little-endian IEEE-754 bytes, in bulk through a
 * reusable buffer (no per-value boxing or per-value channel calls).
 */
public final class FloatChannels {
    /** Size of the scratch buffers used by callers; a multiple of 8 so every element size divides it. */
    public static final int CHUNK_BYTES = 1 << 20;

    private FloatChannels() {
    }

    /**
     * Allocates a little-endian scratch buffer of {@link #CHUNK_BYTES}.
     *
     * @return a new buffer
     */
    public static ByteBuffer newScratch() {
        return ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Writes {@code data} as little-endian float32 at the channel's position.
     *
     * @param ch the channel
     * @param data the values
     * @param scratch a little-endian buffer whose capacity is a multiple of 4
     * @throws IOException on write failure
     */
    public static void writeF32(WritableByteChannel ch, float[] data, ByteBuffer scratch) throws IOException {
        int perChunk = scratch.capacity() / Float.BYTES;
        for (int off = 0; off < data.length; off += perChunk) {
            int n = Math.min(perChunk, data.length - off);
            scratch.clear();
            scratch.asFloatBuffer().put(data, off, n);
            scratch.limit(n * Float.BYTES);
            writeFully(ch, scratch);
        }
    }

    /**
     * Reads little-endian float32 values from an absolute file position into {@code dst}.
     *
     * @param ch the channel
     * @param position the byte position of the first value
     * @param dst receives {@code dst.length} values
     * @param scratch a little-endian buffer whose capacity is a multiple of 4
     * @throws IOException on read failure, or {@link EOFException} if the file ends early
     */
    public static void readF32(FileChannel ch, long position, float[] dst, ByteBuffer scratch) throws IOException {
        int perChunk = scratch.capacity() / Float.BYTES;
        long pos = position;
        for (int off = 0; off < dst.length; off += perChunk) {
            int n = Math.min(perChunk, dst.length - off);
            readFully(ch, pos, scratch, n * Float.BYTES);
            scratch.asFloatBuffer().get(dst, off, n);
            pos += (long) n * Float.BYTES;
        }
    }

    /**
     * Fills the first {@code length} bytes of {@code buf} from an absolute file position and flips it.
     *
     * @param ch the channel
     * @param position where to start reading
     * @param buf the buffer; on return its position is 0 and its limit {@code length}
     * @param length how many bytes to read
     * @throws IOException on read failure, or {@link EOFException} if the file ends early
     */
    public static void readFully(FileChannel ch, long position, ByteBuffer buf, int length) throws IOException {
        buf.clear();
        buf.limit(length);
        long pos = position;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) {
                throw new EOFException("file ended at byte " + pos + " while reading " + length + " bytes from "
                        + position);
            }
            pos += r;
        }
        buf.flip();
    }

    /**
     * Writes the bytes between the buffer's position and limit.
     *
     * @param ch the channel
     * @param buf the bytes
     * @throws IOException on write failure
     */
    public static void writeFully(WritableByteChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
