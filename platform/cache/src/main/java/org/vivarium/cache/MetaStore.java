package org.vivarium.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.mapdb.serializer.SerializerArrayTuple;

/**
 * The transactional MapDB side of a cache: a format record, run records (JSON), per
 * (run key, hook, chunk number) the committed row ranges and per (run key, sequence) the sequence's tokens. Every change is invisible until
 * {@link #commit()}; MapDB's write-ahead log makes the commit atomic across a crash.
 */
final class MetaStore implements AutoCloseable {
    static final String MAGIC = "vivarium-activation-cache";

    private final DB db;
    private final BTreeMap<String, String> info;
    private final BTreeMap<String, String> runs;
    private final BTreeMap<Object[], byte[]> chunks;
    private final BTreeMap<Object[], byte[]> tokens;
    private final Atomic.Long nextRunKey;

    @SuppressWarnings("unchecked")
    private MetaStore(DB db) {
        this.db = db;
        this.info = db.treeMap("info", Serializer.STRING, Serializer.STRING).createOrOpen();
        this.runs = db.treeMap("runs", Serializer.STRING, Serializer.STRING).createOrOpen();
        this.chunks = (BTreeMap<Object[], byte[]>) (BTreeMap<?, ?>) db.treeMap("chunks")
                .keySerializer(new SerializerArrayTuple(Serializer.LONG, Serializer.STRING, Serializer.LONG))
                .valueSerializer(Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable()
                .createOrOpen();
        this.tokens = (BTreeMap<Object[], byte[]>) (BTreeMap<?, ?>) db.treeMap("tokens")
                .keySerializer(new SerializerArrayTuple(Serializer.LONG, Serializer.INTEGER))
                .valueSerializer(Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable()
                .createOrOpen();
        this.nextRunKey = db.atomicLong("nextRunKey").createOrOpen();
    }

    /**
     * Opens or creates the metadata file. Failures (corrupt file) propagate as MapDB exceptions.
     *
     * @param layout the cache
     * @param fsync whether commits fsync
     * @return the store
     */
    static MetaStore open(StoreLayout layout, boolean fsync) {
        DBMaker.Maker maker = DBMaker.fileDB(layout.metaFile().toFile()).transactionEnable().fileChannelEnable()
                .fileLockDisable();
        if (!fsync) {
            maker = maker.fileSyncDisable();
        }
        return new MetaStore(maker.make());
    }

    /** @return the format record ({@code magic}, {@code format}); empty for a new store */
    Map<String, String> info() {
        return info;
    }

    /** @return run id to run-record JSON */
    NavigableMap<String, String> runs() {
        return runs;
    }

    long newRunKey() {
        return nextRunKey.incrementAndGet();
    }

    void putChunk(long runKey, String hook, long chunkNo, byte[] chunk) {
        chunks.put(new Object[] {runKey, hook, chunkNo}, chunk);
    }

    /**
     * Returns the committed chunks of one (run, hook) in write order.
     *
     * @param runKey the run's internal key
     * @param hook the hook path
     * @return decoded chunks
     */
    List<Chunk> chunks(long runKey, String hook) {
        List<Chunk> out = new ArrayList<>();
        for (byte[] v : chunks.prefixSubMap(new Object[] {runKey, hook}).values()) {
            out.add(Chunk.decode(v));
        }
        return out;
    }

    void deleteChunks(long runKey) {
        chunks.prefixSubMap(new Object[] {runKey}).clear();
        tokens.prefixSubMap(new Object[] {runKey}).clear();
    }

    void putTokens(long runKey, int seq, byte[] encoded) {
        tokens.put(new Object[] {runKey, seq}, encoded);
    }

    /**
     * Returns a run's stored tokens by sequence, in sequence order.
     *
     * @param runKey the run's internal key
     * @return sequence index to encoded tokens; empty if the run stores none
     */
    Map<Object[], byte[]> tokens(long runKey) {
        return tokens.prefixSubMap(new Object[] {runKey});
    }

    void commit() {
        db.commit();
    }

    void rollback() {
        db.rollback();
    }

    @Override
    public void close() {
        db.close();
    }
}
