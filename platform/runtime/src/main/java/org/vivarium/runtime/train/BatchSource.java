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
     * @return {@code [batch][pos]} token ids, rectangular
     */
    int[][] batch(int step, int batchSize);

    /**
     * Returns the first target index that counts towards the loss (0 = all next-token predictions).
     * Tasks whose early tokens are unpredictable noise can skip them.
     *
     * @return the first counted target index
     */
    default int lossFrom() {
        return 0;
    }

    /** @return a SHA-256 (or similar) of the data definition, for provenance */
    String dataHash();
}
