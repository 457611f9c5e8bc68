package org.vivarium.api.train;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies pretraining batches to a {@link ModelTrainer}. A batch must depend only on the source's own seed and
 * the step number, so a resumed run sees exactly the data an uninterrupted run would have seen.
 *
 * <pre>{@code
 * BatchSource ones = new BatchSource() {
 *     public TokenBatch batch(int step, int batchSize) {
 *         return TokenBatch.of(new int[batchSize][16]);        // 16 tokens of id 0 per row
 *     }
 *     public String dataHash() {
 *         return "zeros-16";
 *     }
 * };
 * }</pre>
 */
@ConsumerType
public interface BatchSource {
    /**
     * Returns the batch for a step.
     *
     * @param step 1-based step number
     * @param batchSize sequences wanted
     * @return tokens and an optional loss mask
     */
    TokenBatch batch(int step, int batchSize);

    /** @return a SHA-256 (or similar) of the data definition, recorded in the checkpoint's provenance */
    String dataHash();
}
