package org.vivarium.plugin.lorainterp.analysis;

/**
 * Knobs of the analysis.
 *
 * @param topTokens promoted and suppressed tokens to list per output direction
 * @param contextsPerFeature top contexts (one per prompt) written to the context index per input direction
 * @param windowTokens tokens of context kept on each side of the firing token
 * @param randomDirections random directions in the cosine null baseline
 * @param seed seed of the random directions
 * @param minCosine the cosine an output direction needs (on the audit's test part) for a supported direction claim
 * @param nullQuantile the quantile of the random baseline it must also exceed, e.g. 0.99
 */
public record LoraInterpSettings(int topTokens, int contextsPerFeature, int windowTokens, int randomDirections,
        long seed, double minCosine, double nullQuantile) {

    /** Checks the values. */
    public LoraInterpSettings {
        if (topTokens < 1 || contextsPerFeature < 1 || windowTokens < 0 || randomDirections < 1) {
            throw new IllegalArgumentException("token, context and random-direction counts must be positive");
        }
        if (!(nullQuantile > 0 && nullQuantile < 1) || !(minCosine >= 0 && minCosine <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1) and the minimum cosine in [0, 1]");
        }
    }

    /**
     * Returns the defaults: 10 tokens, 20 contexts of +-24 tokens, 1,000 random directions (seed 1), and
     * alignment at {@code |cos| >= 0.3} above the random 99th percentile.
     *
     * @return the defaults
     */
    public static LoraInterpSettings defaults() {
        return new LoraInterpSettings(10, 20, 24, 1000, 1L, 0.3, 0.99);
    }

    /**
     * Returns a copy listing another number of tokens.
     *
     * @param n promoted and suppressed tokens to list
     * @return the new settings
     */
    public LoraInterpSettings withTopTokens(int n) {
        return new LoraInterpSettings(n, contextsPerFeature, windowTokens, randomDirections, seed, minCosine,
                nullQuantile);
    }
}
