package org.vivarium.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.RowCursor;
import org.vivarium.api.cache.RunSpec;
import org.vivarium.api.cache.RunWriter;
import org.vivarium.api.context.TokenText;

/**
 * An {@link ActivationCache} in a directory: rows in append-only segment files (raw little-endian
 * f32 or f16, written sequentially), metadata in a transactional MapDB file. A batch commit fsyncs
 * the rows, then commits their ranges; on open, bytes past the last committed range are truncated,
 * so a process killed at any point leaves every committed batch intact.
 *
 * <pre>{@code
 * try (MapDbActivationCache cache = MapDbActivationCache.open(Path.of("runs/cache"))) {
 *     for (CacheRun r : cache.runs()) { ... }
 * }
 * }</pre>
 *
 * <p>Only one process may open a cache at a time (an OS lock; {@link #open} waits up to
 * {@link #WRITER_LOCK_WAIT_MS} for it, {@link #openReadOnly} does not wait), and one writer may be open at a time.
 */
public final class MapDbActivationCache implements ActivationCache {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int READ_BYTES = 4 << 20;
    /**
     * How long {@link #open} waits for the store's lock: read-only users ({@link #openReadOnly}) hold it for one
     * request, so a writer starting meanwhile waits for them instead of failing.
     */
    public static final long WRITER_LOCK_WAIT_MS = 2_000;

    private final StoreLayout layout;
    private final CacheOptions options;
    private final StoreLock lock;
    private final MetaStore meta;
    private final Map<String, String> damaged;
    private final boolean readOnly;
    private long committedData;
    private MapDbRunWriter writer;
    private boolean closed;

    private MapDbActivationCache(StoreLayout layout, CacheOptions options, StoreLock lock, MetaStore meta,
            boolean readOnly) {
        this.readOnly = readOnly;
        this.layout = layout;
        this.options = options;
        this.lock = lock;
        this.meta = meta;
        List<RunRecord> records = records();
        this.damaged = Recovery.recover(layout, records, !readOnly);
        this.committedData = records.stream().mapToLong(RunRecord::dataBytes).sum();
    }

    /**
     * Opens a cache with default options, creating it if the directory is missing or empty.
     *
     * @param dir the cache directory
     * @return the open cache
     * @throws VivariumException if the directory is not a cache, is corrupt, is from a newer Vivarium,
     *     or is open elsewhere
     */
    public static MapDbActivationCache open(Path dir) {
        return open(dir, CacheOptions.defaults());
    }

    /**
     * Opens a cache, creating it if the directory is missing or empty.
     *
     * @param dir the cache directory
     * @param options size limit and tuning
     * @return the open cache
     * @throws VivariumException if the directory is not a cache, is corrupt, is from a newer Vivarium,
     *     or is open elsewhere
     */
    public static MapDbActivationCache open(Path dir, CacheOptions options) {
        StoreLayout layout = new StoreLayout(dir.toAbsolutePath().normalize());
        prepare(layout);
        return locked(layout, options, false, WRITER_LOCK_WAIT_MS);
    }

    /**
     * Opens an existing cache for reading only, for a short while: it never creates a cache, and
     * {@link #newRun} and {@link #delete} refuse. It takes the same OS lock as a writer, without waiting, so
     * it fails at once while {@code viv cache} writes, and while it is open a writer fails; readers that serve
     * requests therefore open and close it per request. Opening changes no file: bytes a crashed writer left
     * past its last commit are ignored here and truncated by the next {@link #open(Path)}.
     *
     * @param dir an existing cache directory
     * @return the open cache
     * @throws VivariumException if the directory is not a cache, is corrupt or newer, or is open elsewhere
     *     (being written)
     */
    public static MapDbActivationCache openReadOnly(Path dir) {
        StoreLayout layout = new StoreLayout(dir.toAbsolutePath().normalize());
        if (!Files.isRegularFile(layout.formatFile())) {
            throw new VivariumException("no activation cache in " + layout.dir() + " (no FORMAT file)",
                    "write one with 'viv cache' or point at an existing cache directory");
        }
        FormatHeader.check(layout);
        return locked(layout, CacheOptions.defaults(), true, 0);
    }

    private static MapDbActivationCache locked(StoreLayout layout, CacheOptions options, boolean readOnly,
            long waitMillis) {
        StoreLock lock = StoreLock.acquire(layout, waitMillis);
        MetaStore meta = null;
        try {
            meta = openMeta(layout, options);
            return new MapDbActivationCache(layout, options, lock, meta, readOnly);
        } catch (RuntimeException | Error e) {
            if (meta != null) {
                closeQuietly(meta);
            }
            lock.close();
            throw e;
        }
    }

    private static void prepare(StoreLayout layout) {
        try {
            if (Files.exists(layout.dir()) && !Files.isDirectory(layout.dir())) {
                throw new VivariumException(layout.dir() + " is a file, not an activation cache directory",
                        "choose a directory path for the cache");
            }
            Files.createDirectories(layout.dir());
            if (!Files.exists(layout.formatFile())) {
                if (!isEmpty(layout.dir())) {
                    throw CacheErrors.notACache(layout.dir());
                }
                Files.createDirectories(layout.dataDir());
                FormatHeader.write(layout);
            }
            FormatHeader.check(layout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare activation cache " + layout.dir(), e);
        }
    }

    private static MetaStore openMeta(StoreLayout layout, CacheOptions options) {
        MetaStore meta;
        try {
            meta = MetaStore.open(layout, options.fsync());
        } catch (RuntimeException e) {
            throw CacheErrors.corrupt(layout.dir(), "metadata store meta.db cannot be opened: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        try {
            Map<String, String> info = meta.info();
            if (info.isEmpty()) {
                if (!meta.runs().isEmpty()) {
                    throw CacheErrors.corrupt(layout.dir(), "meta.db has runs but no format record", null);
                }
                info.put("magic", MetaStore.MAGIC);
                info.put("format", Integer.toString(FormatHeader.VERSION));
                meta.commit();
            } else {
                if (!MetaStore.MAGIC.equals(info.get("magic"))) {
                    throw CacheErrors.corrupt(layout.dir(), "meta.db has a wrong magic", null);
                }
                int format = parseFormat(layout, info.get("format"));
                if (format > FormatHeader.VERSION) {
                    throw CacheErrors.newer(layout.dir(), format, FormatHeader.VERSION);
                }
            }
            return meta;
        } catch (VivariumException e) {
            closeQuietly(meta);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(meta);
            throw CacheErrors.corrupt(layout.dir(), "metadata store meta.db is unreadable: " + e, e);
        }
    }

    private static int parseFormat(StoreLayout layout, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw CacheErrors.corrupt(layout.dir(), "meta.db has format \"" + text + "\"", e);
        }
    }

    /** @return the cache directory */
    public Path directory() {
        return layout.dir();
    }

    /** @return the options this cache was opened with */
    public CacheOptions options() {
        return options;
    }

    @Override
    public synchronized RunWriter newRun(RunSpec spec) {
        checkOpen();
        checkWritable();
        if (writer != null) {
            throw new IllegalStateException("cache run " + writer.runId() + " is still being written; close its"
                    + " writer before starting another");
        }
        if (spec.id() == null || !RUN_ID.matcher(spec.id()).matches()) {
            throw new VivariumException("invalid cache run id \"" + spec.id() + "\"",
                    "use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (meta.runs().containsKey(spec.id())) {
            throw new VivariumException("cache run " + spec.id() + " already exists",
                    "choose another id or delete it with 'viv cache rm " + spec.id() + "'");
        }
        RunRecord r = RunRecord.create(meta.newRunKey(), spec, Instant.now().toString());
        meta.runs().put(r.id, r.toJson());
        commitOrRollback();
        writer = new MapDbRunWriter(this, r, layout, options);
        return writer;
    }

    @Override
    public synchronized List<CacheRun> runs() {
        checkOpen();
        List<CacheRun> out = new ArrayList<>();
        for (RunRecord r : records()) {
            out.add(r.toCacheRun(damaged.containsKey(r.id)));
        }
        return out;
    }

    @Override
    public synchronized Optional<CacheRun> run(String id) {
        checkOpen();
        String json = meta.runs().get(id);
        return json == null ? Optional.empty()
                : Optional.of(RunRecord.fromJson(json).toCacheRun(damaged.containsKey(id)));
    }

    @Override
    public RowCursor rows(String run, String hook) {
        return rows(run, hook, 0, Integer.MAX_VALUE);
    }

    @Override
    public synchronized RowCursor rows(String run, String hook, int fromSeq, int toSeq) {
        checkOpen();
        RunRecord r = readable(run);
        RunRecord.HookStats s = hook(r, hook);
        List<Chunk> chunks = new ArrayList<>();
        for (Chunk c : meta.chunks(r.key, hook)) {
            if (c.maxSeq() >= fromSeq && c.minSeq() < toSeq) {
                chunks.add(c);
            }
        }
        return new SegmentRowCursor(layout, r.key, r.dtype, s.width, chunks, fromSeq, toSeq, READ_BYTES);
    }

    @Override
    public synchronized List<TokenText> tokens(String run) {
        checkOpen();
        RunRecord r = readable(run);
        List<TokenText> out = new ArrayList<>();
        for (Map.Entry<Object[], byte[]> e : meta.tokens(r.key).entrySet()) {
            if ((Integer) e.getKey()[1] != out.size()) {
                break;
            }
            try {
                out.add(TokenCodec.decode(e.getValue()));
            } catch (IOException ex) {
                throw CacheErrors.damagedRun(layout.dir(), run, "tokens of sequence " + out.size() + " are unreadable: "
                        + ex.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw CacheErrors.noTokens(run);
        }
        return out;
    }

    @Override
    public synchronized Optional<float[]> get(String run, String hook, int seq, int pos) {
        checkOpen();
        RunRecord r = readable(run);
        RunRecord.HookStats s = hook(r, hook);
        Chunk hit = null;
        int index = -1;
        for (Chunk c : meta.chunks(r.key, hook)) {
            if (seq >= c.minSeq() && seq <= c.maxSeq()) {
                int i = c.indexOf(seq, pos);
                if (i >= 0) {
                    hit = c;
                    index = i;
                }
            }
        }
        if (hit == null) {
            return Optional.empty();
        }
        int rowBytes = s.width * r.dtype.bytesPerValue();
        ByteBuffer b = ByteBuffer.allocate(rowBytes);
        long at = hit.offset() + (long) index * rowBytes;
        try (FileChannel ch = FileChannel.open(layout.segment(r.key, hit.segment()), StandardOpenOption.READ)) {
            while (b.hasRemaining()) {
                if (ch.read(b, at + b.position()) < 0) {
                    throw CacheErrors.damagedRun(layout.dir(), run, "data file ends before a committed row");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cached row", e);
        }
        float[] out = new float[s.width];
        new RowCodec(r.dtype, b).get(0, s.width, out);
        return Optional.of(out);
    }

    @Override
    public synchronized void delete(String run) {
        checkOpen();
        checkWritable();
        RunRecord r = require(run);
        if (writer != null && writer.runId().equals(run)) {
            throw new VivariumException("cache run " + run + " is still being written", "close its writer first");
        }
        meta.deleteChunks(r.key);
        meta.runs().remove(run);
        commitOrRollback();
        for (int seg = 0; seg < r.segments.size(); seg++) {
            AtomicFiles.deleteQuietly(layout.segment(r.key, seg));
        }
        damaged.remove(run);
        committedData -= r.dataBytes();
    }

    @Override
    public synchronized long sizeBytes() {
        long meta = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.dir(), "meta.db*")) {
            for (Path f : files) {
                meta += Files.size(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + layout.dir(), e);
        }
        return committedData + meta;
    }

    @Override
    public long maxBytes() {
        return options.maxBytes();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (writer != null) {
                writer.abandon();
                writer = null;
            }
            meta.close();
        } finally {
            lock.close();
        }
    }

    /* ---- called by MapDbRunWriter ---- */

    synchronized void checkRoom(long pendingBytes, long adding) {
        if (committedData + pendingBytes + adding > options.maxBytes()) {
            throw CacheErrors.sizeLimit(layout.dir(), options.maxBytes(), committedData, pendingBytes + adding);
        }
    }

    synchronized RunRecord commitBatch(RunRecord current, List<MapDbRunWriter.Pending> batch,
            Map<Integer, byte[]> tokens, List<Long> lengths) {
        checkOpen();
        RunRecord next = current.copy();
        tokens.forEach((seq, encoded) -> meta.putTokens(next.key, seq, encoded));
        for (MapDbRunWriter.Pending p : batch) {
            RunRecord.HookStats s = next.hooks.computeIfAbsent(p.hook(), h -> new RunRecord.HookStats());
            s.width = p.width();
            meta.putChunk(next.key, p.hook(), s.chunks++, p.chunk().encode());
            s.rows += p.chunk().rows();
            s.bytes += p.bytes();
        }
        next.segments = new ArrayList<>(lengths);
        meta.runs().put(next.id, next.toJson());
        commitOrRollback();
        committedData += next.dataBytes() - current.dataBytes();
        return next;
    }

    synchronized void endRun(RunRecord current, boolean complete) {
        writer = null;
        if (closed || !complete) {
            return;
        }
        RunRecord done = current.copy();
        done.complete = true;
        meta.runs().put(done.id, done.toJson());
        commitOrRollback();
    }

    /* ---- helpers ---- */

    private List<RunRecord> records() {
        List<RunRecord> out = new ArrayList<>();
        for (String json : meta.runs().values()) {
            out.add(RunRecord.fromJson(json));
        }
        out.sort(Comparator.comparing((RunRecord r) -> r.createdAt).thenComparingLong(r -> r.key));
        return out;
    }

    private RunRecord require(String run) {
        String json = meta.runs().get(run);
        if (json == null) {
            throw CacheErrors.unknownRun(run, records().stream().map(r -> r.id).toList());
        }
        return RunRecord.fromJson(json);
    }

    private RunRecord readable(String run) {
        RunRecord r = require(run);
        String problem = damaged.get(run);
        if (problem != null) {
            throw CacheErrors.damagedRun(layout.dir(), run, problem);
        }
        return r;
    }

    private static RunRecord.HookStats hook(RunRecord r, String hook) {
        RunRecord.HookStats s = r.hooks.get(hook);
        if (s == null) {
            throw CacheErrors.unknownHook(r.id, hook, r.hooks.keySet());
        }
        return s;
    }

    private void commitOrRollback() {
        try {
            meta.commit();
        } catch (RuntimeException e) {
            meta.rollback();
            throw e;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("activation cache " + layout.dir() + " is closed");
        }
    }

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("activation cache " + layout.dir() + " was opened read-only");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    private static void closeQuietly(MetaStore meta) {
        try {
            meta.close();
        } catch (RuntimeException ignored) {
            // the open already failed; that error is the one to report
        }
    }
}
