package org.vivarium.cache.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.vivarium.cache.AtomicFiles;
import org.vivarium.cache.Half;

/**
 * Streams little-endian values into a temporary file next to the target through a 1 MiB buffer;
 * {@link #commit()} fsyncs and renames it into place, {@link #close()} without commit deletes it.
 */
final class LittleEndianSink implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private boolean committed;

    LittleEndianSink(Path target) {
        this.target = target.toAbsolutePath();
        this.tmp = AtomicFiles.tempFor(this.target);
        try {
            this.channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + tmp, e);
        }
    }

    void bytes(byte[] b) {
        int off = 0;
        while (off < b.length) {
            room(1);
            int n = Math.min(buf.remaining(), b.length - off);
            buf.put(b, off, n);
            off += n;
        }
    }

    void floats(float[] v, int n) {
        int off = 0;
        while (off < n) {
            room(4);
            int k = Math.min(buf.remaining() / 4, n - off);
            FloatBuffer f = buf.asFloatBuffer();
            f.put(v, off, k);
            buf.position(buf.position() + 4 * k);
            off += k;
        }
    }

    void halves(float[] v, int n) {
        for (int i = 0; i < n; i++) {
            room(2);
            buf.putShort(Half.fromFloat(v[i]));
        }
    }

    void ints(int[] v, int n) {
        for (int i = 0; i < n; i++) {
            room(4);
            buf.putInt(v[i]);
        }
    }

    void commit() {
        drain();
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        AtomicFiles.commit(tmp, target);
        committed = true;
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is deleted next
            }
            AtomicFiles.deleteQuietly(tmp);
        }
    }

    private void room(int bytes) {
        if (buf.remaining() < bytes) {
            drain();
        }
    }

    private void drain() {
        buf.flip();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        buf.clear();
    }
}
