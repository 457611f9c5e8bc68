package org.vivarium.runtime.train;

/**
 * Supplies training batches. A batch must depend only on the seed and the step number, so a resumed
 * run sees exactly the data an uninterrupted run would have seen.
 */
public interface BatchSource {
    /**
     * Returns the batch for a step.
     *
     * @param step 1-based step number
     * @param batchSize sequences wanted
     * @return tokens and an optional loss mask
     */
    Batch batch(int step, int batchSize);

    /** @return a SHA-256 (or similar) of the data definition, for provenance */
    String dataHash();
}
