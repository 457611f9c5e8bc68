package org.vivarium.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends row data to a run's segment files, strictly sequentially, rolling to a new file at the
 * segment size. Each file starts with a 16-byte header: magic {@code VIVSEG01} and the run key.
 */
final class SegmentAppender implements AutoCloseable {
    static final int HEADER = 16;
    static final byte[] MAGIC = "VIVSEG01".getBytes(StandardCharsets.US_ASCII);

    private final StoreLayout layout;
    private final long runKey;
    private final long segmentBytes;
    private final List<Long> lengths = new ArrayList<>();
    private final List<Integer> unsynced = new ArrayList<>();
    private FileChannel channel;

    SegmentAppender(StoreLayout layout, long runKey, long segmentBytes) {
        this.layout = layout;
        this.runKey = runKey;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Writes {@code data} as one contiguous range, rolling to a new segment first if it would not fit.
     *
     * @param data the bytes, from position to limit
     * @return {segment, offset} where the range starts
     */
    long[] write(ByteBuffer data) {
        int n = data.remaining();
        try {
            if (channel == null || current() + n > segmentBytes) {
                roll();
            }
            int seg = lengths.size() - 1;
            long off = current();
            long p = off;
            while (data.hasRemaining()) {
                p += channel.write(data, p);
            }
            lengths.set(seg, p);
            if (!unsynced.contains(seg)) {
                unsynced.add(seg);
            }
            return new long[] {seg, off};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + layout.segment(runKey, lengths.size() - 1), e);
        }
    }

    /** Forces every segment written since the last call to disk. */
    void force() {
        try {
            for (int seg : unsynced) {
                if (seg == lengths.size() - 1) {
                    channel.force(false);
                } else {
                    try (FileChannel ch = FileChannel.open(layout.segment(runKey, seg), StandardOpenOption.WRITE)) {
                        ch.force(false);
                    }
                }
            }
            unsynced.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fsync the data of run key " + runKey, e);
        }
    }

    /** @return the current length of every segment, uncommitted bytes included */
    List<Long> lengths() {
        return new ArrayList<>(lengths);
    }

    /**
     * Throws away everything written after the committed lengths: later segments are deleted, the
     * others truncated.
     *
     * @param committed committed length per segment
     */
    void discardTo(List<Long> committed) {
        closeChannel();
        for (int seg = 0; seg < lengths.size(); seg++) {
            Path p = layout.segment(runKey, seg);
            if (seg >= committed.size()) {
                AtomicFiles.deleteQuietly(p);
            } else if (lengths.get(seg) > committed.get(seg)) {
                truncate(p, committed.get(seg));
            }
        }
        lengths.clear();
        lengths.addAll(committed);
        unsynced.clear();
    }

    static void truncate(Path p, long length) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.truncate(length);
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + p, e);
        }
    }

    @Override
    public void close() {
        closeChannel();
    }

    private long current() {
        return lengths.get(lengths.size() - 1);
    }

    private void roll() throws IOException {
        if (channel != null) {
            channel.close();
        }
        int seg = lengths.size();
        Path p = layout.segment(runKey, seg);
        Files.createDirectories(p.getParent());
        channel = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN).put(MAGIC).putLong(runKey).flip();
        while (h.hasRemaining()) {
            channel.write(h, h.position());
        }
        lengths.add((long) HEADER);
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // data that matters was forced at commit
            }
            channel = null;
        }
    }
}
