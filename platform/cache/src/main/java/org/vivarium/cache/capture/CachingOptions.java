package org.vivarium.cache.capture;

import org.vivarium.api.cache.CacheDtype;

/**
 * How {@link ActivationCacher} stores a run.
 *
 * @param runId the new run's id
 * @param dtype storage precision
 * @param modelName model name to record; empty means the model provenance's recipe
 * @param checkpointHash checkpoint content hash to record; empty means hash the model's weights
 */
public record CachingOptions(String runId, CacheDtype dtype, String modelName, String checkpointHash) {

    /** Replaces nulls by defaults. */
    public CachingOptions {
        dtype = dtype == null ? CacheDtype.F32 : dtype;
        modelName = modelName == null ? "" : modelName;
        checkpointHash = checkpointHash == null ? "" : checkpointHash;
    }

    /**
     * Returns f32 options that derive model name and checkpoint hash from the model.
     *
     * @param runId the run id
     * @return the options
     */
    public static CachingOptions of(String runId) {
        return new CachingOptions(runId, CacheDtype.F32, "", "");
    }

    /**
     * Returns a copy with another dtype.
     *
     * @param d the dtype
     * @return the options
     */
    public CachingOptions withDtype(CacheDtype d) {
        return new CachingOptions(runId, d, modelName, checkpointHash);
    }
}
