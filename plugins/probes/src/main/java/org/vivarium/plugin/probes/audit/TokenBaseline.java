package org.vivarium.plugin.probes.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a probe scores on condition-absent prompts, per token: the mean score of each token text there (the
 * overall mean for a token never seen), and the largest excess any condition-absent token shows over that mean.
 * A condition-present prompt's <em>excess</em> at a token is its score minus the token's condition-absent mean;
 * its <em>onset</em> is the first token whose excess goes beyond the largest condition-absent excess. In a causal
 * model no token before the trigger can know of it, so the onset marks where the probe first departs from
 * everything condition-absent prompts show.
 */
final class TokenBaseline {
    private final Map<String, Double> mean;
    private final double overall;
    private final double threshold;

    private TokenBaseline(Map<String, Double> mean, double overall, double threshold) {
        this.mean = mean;
        this.overall = overall;
        this.threshold = threshold;
    }

    /**
     * Measures the baseline.
     *
     * @param negatives condition-absent prompts with scores (the fit part's), at least one token in all
     * @return the baseline
     * @throws IllegalArgumentException if there are no tokens
     */
    static TokenBaseline of(List<ScoredText> negatives) {
        Map<String, double[]> sums = new HashMap<>();
        double total = 0;
        int count = 0;
        for (ScoredText t : negatives) {
            for (int k = 0; k < t.tokens(); k++) {
                double[] s = sums.computeIfAbsent(token(t, k), x -> new double[2]);
                s[0] += t.scores()[k];
                s[1]++;
                total += t.scores()[k];
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("a token baseline needs condition-absent prompts with tokens");
        }
        Map<String, Double> mean = new HashMap<>();
        sums.forEach((k, s) -> mean.put(k, s[0] / s[1]));
        TokenBaseline b = new TokenBaseline(mean, total / count, Double.NaN);
        double max = Double.NEGATIVE_INFINITY;
        for (ScoredText t : negatives) {
            for (double e : b.excess(t)) {
                max = Math.max(max, e);
            }
        }
        return new TokenBaseline(mean, b.overall, max);
    }

    /** @return the largest excess over the baseline on the condition-absent prompts measured */
    double threshold() {
        return threshold;
    }

    /**
     * Returns each token's score minus its condition-absent mean.
     *
     * @param t a scored prompt
     * @return one excess per token
     */
    double[] excess(ScoredText t) {
        double[] e = new double[t.tokens()];
        for (int k = 0; k < e.length; k++) {
            e[k] = t.scores()[k] - mean.getOrDefault(token(t, k), overall);
        }
        return e;
    }

    /**
     * Returns the first token whose excess goes beyond {@link #threshold()}.
     *
     * @param t a scored prompt
     * @return the token position, or -1 if none does
     */
    int onset(ScoredText t) {
        double[] e = excess(t);
        for (int k = 0; k < e.length; k++) {
            if (e[k] > threshold) {
                return k;
            }
        }
        return -1;
    }

    private static String token(ScoredText t, int k) {
        return t.text().substring(t.start()[k], t.end()[k]);
    }
}
