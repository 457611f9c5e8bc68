package org.vivarium.cache;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.CachedHook;
import org.vivarium.api.cache.RunSpec;
import org.vivarium.api.cache.RunState;
import org.vivarium.api.provenance.Provenance;

/**
 * The stored form of a run (JSON in MapDB): its spec, per-hook committed totals and the committed
 * length of each of its segment files. Copies are handed to writers and cursors; only a commit
 * replaces the stored JSON.
 */
final class RunRecord {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    long key;
    String id;
    String modelName;
    String checkpointHash;
    String promptSetHash;
    int promptCount;
    CacheDtype dtype;
    Provenance provenance;
    String createdAt;
    boolean complete;
    Map<String, HookStats> hooks = new LinkedHashMap<>();
    List<Long> segments = new ArrayList<>();

    /** Committed totals of one hook. */
    static final class HookStats {
        int width;
        long rows;
        long bytes;
        long chunks;
    }

    static RunRecord create(long key, RunSpec spec, String createdAt) {
        RunRecord r = new RunRecord();
        r.key = key;
        r.id = spec.id();
        r.modelName = spec.modelName();
        r.checkpointHash = spec.checkpointHash();
        r.promptSetHash = spec.promptSetHash();
        r.promptCount = spec.promptCount();
        r.dtype = spec.dtype();
        r.provenance = spec.provenance();
        r.createdAt = createdAt;
        return r;
    }

    String toJson() {
        return GSON.toJson(this);
    }

    static RunRecord fromJson(String json) {
        RunRecord r = GSON.fromJson(json, RunRecord.class);
        if (r.hooks == null) {
            r.hooks = new LinkedHashMap<>();
        }
        if (r.segments == null) {
            r.segments = new ArrayList<>();
        }
        return r;
    }

    RunRecord copy() {
        return fromJson(toJson());
    }

    /** @return the committed bytes of all segment files, headers included */
    long dataBytes() {
        return segments.stream().mapToLong(Long::longValue).sum();
    }

    CacheRun toCacheRun(boolean damaged) {
        List<CachedHook> hs = new ArrayList<>();
        hooks.forEach((name, s) -> hs.add(new CachedHook(name, s.width, s.rows, s.bytes)));
        RunState state = damaged ? RunState.DAMAGED : complete ? RunState.COMPLETE : RunState.INCOMPLETE;
        return new CacheRun(id, modelName, checkpointHash, promptSetHash, promptCount, dtype, hs, provenance,
                createdAt, state);
    }
}
