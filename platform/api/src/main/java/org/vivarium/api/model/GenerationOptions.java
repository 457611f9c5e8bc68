package org.vivarium.api.model;

/**
 * Sampling settings for {@link Model#generate}.
 *
 * @param maxNewTokens how many tokens to add
 * @param temperature 0 for greedy decoding, otherwise the softmax temperature
 * @param topK sample only among the k most likely tokens (0 = all)
 * @param seed fixes the sampling so a run repeats exactly
 */
public record GenerationOptions(int maxNewTokens, float temperature, int topK, long seed) {
    /** Validates the values. */
    public GenerationOptions {
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("maxNewTokens must be >= 0, got " + maxNewTokens);
        }
        if (temperature < 0) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
    }

    /**
     * Greedy decoding.
     *
     * @param maxNewTokens how many tokens to add
     * @return the options
     */
    public static GenerationOptions greedy(int maxNewTokens) {
        return new GenerationOptions(maxNewTokens, 0f, 0, 0L);
    }
}
