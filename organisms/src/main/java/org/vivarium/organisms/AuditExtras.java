package org.vivarium.organisms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.BehaviourMeter;

/**
 * What some organisms add to their audit data: related checkpoints to compare with, named prompt sets and a
 * coherence meter.
 *
 * @param comparisonCheckpoints role (e.g. {@code base}, {@code control}) to checkpoint directory relative to
 *     the run directory, in a stable order
 * @param promptSets set name to prompts, in a stable order
 * @param coherence the coherence meter, or null
 */
public record AuditExtras(Map<String, String> comparisonCheckpoints, Map<String, List<String>> promptSets,
        BehaviourMeter coherence) {
    /** No extras. */
    public static final AuditExtras NONE = new AuditExtras(Map.of(), Map.of(), null);

    /** Copies the maps, keeping their order. */
    public AuditExtras {
        comparisonCheckpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(comparisonCheckpoints));
        Map<String, List<String>> sets = new LinkedHashMap<>();
        promptSets.forEach((k, v) -> sets.put(k, List.copyOf(v)));
        promptSets = java.util.Collections.unmodifiableMap(sets);
    }
}
