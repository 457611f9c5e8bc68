package org.vivarium.cache;

import org.vivarium.api.cache.CacheDtype;
import org.vivarium.api.cache.RunSpec;
import org.vivarium.api.provenance.Provenance;
import java.util.Map;

/** Deterministic row content and specs shared by the cache tests and their child processes. */
public final class TestRows {
    private TestRows() {
    }

    /**
     * Fills {@code row} with values determined by (hook id, seq, pos).
     *
     * @param hookId small hook number
     * @param seq sequence
     * @param pos position
     * @param row destination
     */
    public static void fill(int hookId, int seq, int pos, float[] row) {
        int h = hookId * 1_000_003 + seq * 7919 + pos * 131;
        for (int i = 0; i < row.length; i++) {
            h = h * 1103515245 + 12345;
            row[i] = (h >> 8) * 0x1p-20f;
        }
    }

    /**
     * Returns a spec with a provenance record.
     *
     * @param id run id
     * @param dtype storage
     * @return the spec
     */
    public static RunSpec spec(String id, CacheDtype dtype) {
        Provenance p = new Provenance("cache-run", "cache/test", Map.of("hooks", "h0,h1"), 1, "sha256:ab", "test",
                "sha256:cd", "2025-01-01T00:00:00Z", Map.of("java", "17"));
        return new RunSpec(id, "organism/test", "sha256:cd", "sha256:ab", 10, dtype, p);
    }
}
