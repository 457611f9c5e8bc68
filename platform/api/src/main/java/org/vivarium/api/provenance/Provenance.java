package org.vivarium.api.provenance;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where an artifact came from, enough to re-create it: the recipe (organism or method and its
 * settings), the seed, a hash of the data, the code version and the parent checkpoint.
 *
 * @param kind what was produced, e.g. {@code checkpoint}, {@code probe}, {@code cache-run}
 * @param recipe the recipe name, e.g. {@code organism/induction}
 * @param settings every setting that affects the result, as strings
 * @param seed the random seed
 * @param dataHash SHA-256 of the training or input data ({@code sha256:...})
 * @param codeVersion Vivarium version plus git commit when known
 * @param parent provenance id (content hash) of the parent checkpoint, or empty
 * @param createdAt ISO-8601 instant
 * @param environment JVM, OS, engine: things that can change results
 */
public record Provenance(String kind, String recipe, Map<String, String> settings, long seed, String dataHash,
        String codeVersion, String parent, String createdAt, Map<String, String> environment) {

    /** Copies the maps into sorted read-only maps so serialized provenance is stable. */
    public Provenance {
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
        environment = environment == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
        parent = parent == null ? "" : parent;
        dataHash = dataHash == null ? "" : dataHash;
    }
}
