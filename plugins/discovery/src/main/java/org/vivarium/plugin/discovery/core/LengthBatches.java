package org.vivarium.plugin.discovery.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups token sequences of equal length into batches (the runtime takes rectangular batches without padding;
 * a causal model needs none when all rows have the same length).
 */
public final class LengthBatches {
    /** Rows per batch at most. */
    public static final int MAX_ROWS = 128;

    private LengthBatches() {
    }

    /**
     * Plans the batches.
     *
     * @param rows token sequences
     * @return batches of row indices, each of one length, at most {@link #MAX_ROWS} rows
     */
    public static List<int[]> plan(List<int[]> rows) {
        Map<Integer, List<Integer>> byLength = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byLength.computeIfAbsent(rows.get(i).length, k -> new ArrayList<>()).add(i);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> same : byLength.values()) {
            for (int from = 0; from < same.size(); from += MAX_ROWS) {
                out.add(same.subList(from, Math.min(same.size(), from + MAX_ROWS)).stream().mapToInt(Integer::intValue)
                        .toArray());
            }
        }
        return out;
    }
}
