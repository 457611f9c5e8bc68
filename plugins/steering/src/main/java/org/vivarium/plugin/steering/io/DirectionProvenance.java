package org.vivarium.plugin.steering.io;

import java.util.Map;
import java.util.TreeMap;
import org.vivarium.api.provenance.Provenance;

/**
 * Where a saved direction came from: enough to fit it again.
 *
 * @param checkpoint the checkpoint directory the model was loaded from
 * @param organism the organism name, or empty for a plain checkpoint
 * @param model the checkpoint's own provenance (recipe, seed, data hash), or null if unknown
 * @param seeds every seed that affected the result, by name (e.g. {@code generation}, {@code random_control})
 * @param positives number of positive prompts the vector was fitted on
 * @param negatives number of negative prompts the vector was fitted on
 * @param createdAt ISO-8601 instant
 */
public record DirectionProvenance(String checkpoint, String organism, Provenance model, Map<String, Long> seeds,
        int positives, int negatives, String createdAt) {
    /** Sorts and copies the seeds. */
    public DirectionProvenance {
        seeds = seeds == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(seeds));
        organism = organism == null ? "" : organism;
    }
}
