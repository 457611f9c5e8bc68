package org.vivarium.cache.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.CacheRun;
import org.vivarium.api.cache.CachedHook;
import org.vivarium.api.cache.RowCursor;

/**
 * Writes cached runs to {@code .npy} and safetensors, streaming rows so exports larger than the heap
 * work; files appear atomically (temp file, then rename).
 *
 * <pre>{@code
 * RunExporter ex = new RunExporter(cache);
 * ex.npy("r1", "blocks.0.hook_resid_post", Path.of("resid.npy"));   // np.load -> [rows, d_model] f32
 * ex.safetensors("r1", List.of(), Path.of("r1.safetensors"));        // safetensors.numpy.load_file
 * }</pre>
 *
 * <p>A safetensors file holds, per hook {@code H}: {@code H} ({@code [rows, width]}, F32, or F16 for
 * runs stored as f16), {@code H.seq} and {@code H.pos} ({@code [rows]}, I32); its {@code __metadata__}
 * carries the run id, model, checkpoint and prompt-set hashes and the provenance as JSON.
 */
public final class RunExporter {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final ActivationCache cache;

    /**
     * Creates an exporter over a cache.
     *
     * @param cache the open cache
     */
    public RunExporter(ActivationCache cache) {
        this.cache = cache;
    }

    /**
     * Writes one hook of a run as a {@code [rows, width]} little-endian float32 {@code .npy} file.
     *
     * @param run run id
     * @param hook hook path
     * @param out the file to write
     * @return the number of rows written
     */
    public long npy(String run, String hook, Path out) {
        try (RowCursor c = cache.rows(run, hook); LittleEndianSink sink = new LittleEndianSink(out)) {
            sink.bytes(NpyHeader.encode("<f4", c.size(), c.width()));
            float[] row = new float[c.width()];
            long n = 0;
            while (n < c.size() && c.next()) {
                c.read(row);
                sink.floats(row, row.length);
                n++;
            }
            sink.commit();
            return n;
        }
    }

    /**
     * Writes a run (all hooks, or the listed ones) as one safetensors file.
     *
     * @param run run id
     * @param hooks hook paths to include; empty means all
     * @param out the file to write
     * @return the number of rows written over all hooks
     */
    public long safetensors(String run, List<String> hooks, Path out) {
        CacheRun r = cache.run(run).orElseThrow(() -> new VivariumException("unknown cache run \"" + run + "\"",
                "known runs: " + String.join(", ", cache.runs().stream().map(CacheRun::id).toList())));
        List<CachedHook> selected = select(r, hooks);
        boolean half = r.dtype() == CacheDtype.F16;
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("__metadata__", metadata(r));
        long offset = 0;
        for (CachedHook h : selected) {
            long dataBytes = h.rows() * h.width() * (half ? 2L : 4L);
            offset = entry(header, h.name(), half ? "F16" : "F32", new long[] {h.rows(), h.width()}, offset,
                    dataBytes);
            offset = entry(header, h.name() + ".seq", "I32", new long[] {h.rows()}, offset, h.rows() * 4);
            offset = entry(header, h.name() + ".pos", "I32", new long[] {h.rows()}, offset, h.rows() * 4);
        }
        long total = 0;
        try (LittleEndianSink sink = new LittleEndianSink(out)) {
            sink.bytes(headerBytes(header));
            for (CachedHook h : selected) {
                total += writeHook(sink, run, h, half);
            }
            sink.commit();
        }
        return total;
    }

    private long writeHook(LittleEndianSink sink, String run, CachedHook h, boolean half) {
        if (h.rows() > Integer.MAX_VALUE - 8) {
            throw new VivariumException("hook " + h.name() + " of run " + run + " has too many rows for one export",
                    "export it with --format npy or split the run");
        }
        int n = (int) h.rows();
        int[] seqs = new int[n];
        int[] poss = new int[n];
        float[] row = new float[h.width()];
        int i = 0;
        try (RowCursor c = cache.rows(run, h.name())) {
            while (i < n && c.next()) {
                c.read(row);
                if (half) {
                    sink.halves(row, row.length);
                } else {
                    sink.floats(row, row.length);
                }
                seqs[i] = c.seq();
                poss[i] = c.pos();
                i++;
            }
        }
        if (i != n) {
            throw new IllegalStateException("hook " + h.name() + " yielded " + i + " rows, expected " + n);
        }
        sink.ints(seqs, n);
        sink.ints(poss, n);
        return n;
    }

    private static List<CachedHook> select(CacheRun r, List<String> hooks) {
        if (hooks == null || hooks.isEmpty()) {
            return r.hooks();
        }
        List<CachedHook> out = new ArrayList<>();
        for (String name : hooks) {
            out.add(r.hook(name).orElseThrow(() -> new VivariumException("cache run " + r.id() + " has no hook \""
                    + name + "\"", "cached hooks: " + String.join(", ",
                            r.hooks().stream().map(CachedHook::name).toList()))));
        }
        return out;
    }

    private static Map<String, String> metadata(CacheRun r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "vivarium-cache-run");
        m.put("run", r.id());
        m.put("model", r.modelName());
        m.put("checkpoint_hash", r.checkpointHash());
        m.put("prompt_set_hash", r.promptSetHash());
        m.put("prompt_count", Integer.toString(r.promptCount()));
        m.put("stored_dtype", r.dtype().name().toLowerCase(java.util.Locale.ROOT));
        m.put("created_at", r.createdAt());
        m.put("provenance", r.provenance() == null ? "" : GSON.toJson(r.provenance()));
        return m;
    }

    private static long entry(Map<String, Object> header, String name, String dtype, long[] shape, long offset,
            long bytes) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("dtype", dtype);
        e.put("shape", shape);
        e.put("data_offsets", new long[] {offset, offset + bytes});
        header.put(name, e);
        return offset + bytes;
    }

    private static byte[] headerBytes(Map<String, Object> header) {
        byte[] json = GSON.toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 8 + 7) / 8 * 8 - 8;
        byte[] out = new byte[8 + padded];
        long len = padded;
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (len >>> (8 * i));
        }
        System.arraycopy(json, 0, out, 8, json.length);
        for (int i = 8 + json.length; i < out.length; i++) {
            out[i] = ' ';
        }
        return out;
    }
}
