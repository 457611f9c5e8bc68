package org.vivarium.plugin.steering.generate;

import java.util.List;

/**
 * A cheap coherence proxy: the fraction of generated characters that are letters, digits, spaces or
 * common punctuation. Fluent text scores near 1; degenerate output from over-steering (stray symbols,
 * control characters) scores lower.
 */
public final class Coherence {
    private static final String PUNCTUATION = ".,;:!?'\"-()";

    private Coherence() {
    }

    /**
     * Scores a set of texts together.
     *
     * @param texts generated continuations
     * @return ordinary characters over all characters, or NaN if there are no characters
     */
    public static double of(List<String> texts) {
        long ok = 0;
        long all = 0;
        for (String t : texts) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                all++;
                if (Character.isLetterOrDigit(c) || c == ' ' || PUNCTUATION.indexOf(c) >= 0) {
                    ok++;
                }
            }
        }
        return all == 0 ? Double.NaN : (double) ok / all;
    }
}
