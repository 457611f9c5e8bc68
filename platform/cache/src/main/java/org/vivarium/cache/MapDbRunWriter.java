package org.vivarium.cache;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.context.TokenText;
import org.vivarium.api.tensor.Tensor;

/**
 * Writes one run: rows go through per-hook buffers into the run's segment files; {@link #commit()}
 * fsyncs them and then commits their ranges, with the batch's sequence tokens, in MapDB, so a crash keeps exactly
 * the committed batches.
 */
final class MapDbRunWriter implements RunWriter {

    /** A range flushed to disk but not yet committed. */
    record Pending(String hook, int width, Chunk chunk, long bytes) {
    }

    private final MapDbActivationCache cache;
    private final SegmentAppender segments;
    private final Map<String, HookBuffer> buffers = new LinkedHashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final Map<Integer, byte[]> pendingTokens = new TreeMap<>();
    private final Set<Integer> tokenSeqs = new HashSet<>();
    private final int bufferBytes;
    private final boolean fsync;
    private RunRecord record;
    private long pendingRows;
    private long pendingBytes;
    private boolean closed;

    MapDbRunWriter(MapDbActivationCache cache, RunRecord record, StoreLayout layout, CacheOptions options) {
        this.cache = cache;
        this.record = record;
        this.segments = new SegmentAppender(layout, record.key, options.segmentBytes());
        this.bufferBytes = options.bufferBytes();
        this.fsync = options.fsync();
    }

    @Override
    public String runId() {
        return record.id;
    }

    @Override
    public void append(String hook, int seq, int pos, float[] row) {
        checkKey(seq, pos);
        HookBuffer b = buffer(hook, row.length);
        reserve(b.rowBytes());
        b.put(seq, pos, row, 0);
        pendingRows++;
        if (b.full()) {
            flush(b);
        }
    }

    @Override
    public void append(String hook, int seq, Tensor rows) {
        if (rows.rank() != 2) {
            throw new IllegalArgumentException("append(hook, seq, rows) needs a [pos, width] tensor, got " + rows);
        }
        checkKey(seq, 0);
        int n = rows.size(0);
        int width = rows.size(1);
        HookBuffer b = buffer(hook, width);
        reserve((long) n * b.rowBytes());
        float[] data = rows.data();
        for (int p = 0; p < n; p++) {
            b.put(seq, p, data, p * width);
            if (b.full()) {
                flush(b);
            }
        }
        pendingRows += n;
    }

    @Override
    public void tokens(int seq, TokenText tokens) {
        checkOpen();
        checkKey(seq, 0);
        if (!tokenSeqs.add(seq)) {
            throw new IllegalArgumentException("sequence " + seq + " of cache run " + record.id + " already has tokens");
        }
        pendingTokens.put(seq, TokenCodec.encode(tokens));
    }

    @Override
    public long pendingRows() {
        return pendingRows;
    }

    @Override
    public void commit() {
        checkOpen();
        for (HookBuffer b : buffers.values()) {
            flush(b);
        }
        if (pending.isEmpty() && pendingTokens.isEmpty()) {
            return;
        }
        if (fsync) {
            segments.force();
        }
        record = cache.commitBatch(record, pending, pendingTokens, segments.lengths());
        pending.clear();
        pendingTokens.clear();
        pendingRows = 0;
        pendingBytes = 0;
    }

    @Override
    public void finish() {
        commit();
        segments.close();
        closed = true;
        cache.endRun(record, true);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        discard();
        closed = true;
        cache.endRun(record, false);
    }

    /** Called when the cache closes under an open writer: drops uncommitted rows, leaves the run incomplete. */
    void abandon() {
        if (!closed) {
            discard();
            closed = true;
        }
    }

    private void discard() {
        for (HookBuffer b : buffers.values()) {
            b.clear();
        }
        pending.clear();
        pendingTokens.keySet().forEach(tokenSeqs::remove);
        pendingTokens.clear();
        pendingRows = 0;
        pendingBytes = 0;
        segments.discardTo(record.segments);
        segments.close();
    }

    private HookBuffer buffer(String hook, int width) {
        checkOpen();
        HookBuffer b = buffers.get(hook);
        if (b == null) {
            if (hook == null || hook.isBlank()) {
                throw new IllegalArgumentException("hook name is empty");
            }
            if (width <= 0) {
                throw new IllegalArgumentException("row of hook " + hook + " is empty");
            }
            RunRecord.HookStats s = record.hooks.get(hook);
            if (s != null && s.width != width) {
                throw widthMismatch(hook, s.width, width);
            }
            b = new HookBuffer(hook, width, record.dtype, bufferBytes);
            buffers.put(hook, b);
        } else if (b.width() != width) {
            throw widthMismatch(hook, b.width(), width);
        }
        return b;
    }

    private void reserve(long bytes) {
        cache.checkRoom(pendingBytes, bytes);
        pendingBytes += bytes;
    }

    private void flush(HookBuffer b) {
        if (b.rows() == 0) {
            return;
        }
        long bytes = (long) b.rows() * b.rowBytes();
        long[] at = segments.write(b.bytes());
        pending.add(new Pending(b.hook(), b.width(), b.toChunk((int) at[0], at[1]), bytes));
        b.clear();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("writer of cache run " + record.id + " is closed");
        }
    }

    private static void checkKey(int seq, int pos) {
        if (seq < 0 || pos < 0) {
            throw new IllegalArgumentException("seq and pos must be >= 0, got seq=" + seq + " pos=" + pos);
        }
    }

    private static IllegalArgumentException widthMismatch(String hook, int expected, int got) {
        return new IllegalArgumentException("hook " + hook + " has rows of width " + expected + " in this run, got "
                + got);
    }
}
