package org.vivarium.api.cache;

import org.vivarium.api.provenance.Provenance;

/**
 * What a new cached run is, given when it is started with {@link ActivationCache#newRun(RunSpec)}.
 *
 * @param id the run id users type, e.g. {@code induction-resid}; letters, digits, {@code . _ -}
 * @param modelName the model or organism name, e.g. {@code organism/induction}
 * @param checkpointHash content hash of the checkpoint ({@code sha256:...}), or empty if unknown
 * @param promptSetHash SHA-256 of the prompt set ({@code sha256:...})
 * @param promptCount number of prompts in the set
 * @param dtype how rows are stored
 * @param provenance how the run was produced
 */
public record RunSpec(String id, String modelName, String checkpointHash, String promptSetHash, int promptCount,
        CacheDtype dtype, Provenance provenance) {

    /** Replaces null strings by empty ones and a null dtype by {@link CacheDtype#F32}. */
    public RunSpec {
        modelName = modelName == null ? "" : modelName;
        checkpointHash = checkpointHash == null ? "" : checkpointHash;
        promptSetHash = promptSetHash == null ? "" : promptSetHash;
        dtype = dtype == null ? CacheDtype.F32 : dtype;
    }
}
