package org.vivarium.api.cache;

import java.util.List;
import java.util.Optional;
import org.vivarium.api.provenance.Provenance;

/**
 * A cached run as stored: what produced it, which hooks it holds and how many committed rows each.
 *
 * @param id the run id
 * @param modelName the model or organism name
 * @param checkpointHash content hash of the checkpoint, or empty
 * @param promptSetHash SHA-256 of the prompt set
 * @param promptCount number of prompts in the set
 * @param dtype how rows are stored
 * @param hooks the stored hooks in first-written order, with widths and committed row counts
 * @param provenance how the run was produced
 * @param createdAt ISO-8601 instant the run was started
 * @param state whether it finished cleanly
 */
public record CacheRun(String id, String modelName, String checkpointHash, String promptSetHash, int promptCount,
        CacheDtype dtype, List<CachedHook> hooks, Provenance provenance, String createdAt, RunState state) {

    /** Copies the hook list. */
    public CacheRun {
        hooks = List.copyOf(hooks);
    }

    /**
     * Returns one hook of this run.
     *
     * @param name hook path
     * @return the hook, or empty if the run has no rows for it
     */
    public Optional<CachedHook> hook(String name) {
        return hooks.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /**
     * Returns the committed rows over all hooks.
     *
     * @return the row count
     */
    public long totalRows() {
        return hooks.stream().mapToLong(CachedHook::rows).sum();
    }

    /**
     * Returns the bytes the committed rows take on disk.
     *
     * @return the size in bytes
     */
    public long totalBytes() {
        return hooks.stream().mapToLong(CachedHook::bytes).sum();
    }
}
