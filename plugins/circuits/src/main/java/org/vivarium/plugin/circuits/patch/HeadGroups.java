package org.vivarium.plugin.circuits.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.vivarium.api.audit.HeadRef;

/** Groups heads by layer, for head-restricted hooks ({@code Hook.onHeads}), one per layer. */
public final class HeadGroups {
    private HeadGroups() {
    }

    /**
     * Groups heads by layer.
     *
     * @param heads the heads
     * @return layer to its heads' indices, layers ascending
     */
    public static TreeMap<Integer, int[]> byLayer(List<HeadRef> heads) {
        TreeMap<Integer, List<Integer>> m = new TreeMap<>();
        for (HeadRef h : heads) {
            m.computeIfAbsent(h.layer(), k -> new ArrayList<>()).add(h.head());
        }
        TreeMap<Integer, int[]> out = new TreeMap<>();
        m.forEach((l, hs) -> out.put(l, hs.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }
}
