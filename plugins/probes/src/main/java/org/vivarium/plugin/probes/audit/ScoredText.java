package org.vivarium.plugin.probes.audit;

import org.vivarium.api.context.TokenText;

/**
 * One prompt's text with a probe score at every token: the input of the trigger-span search.
 *
 * @param text the prompt's display text (the decoded text for character tokenizers)
 * @param start first character of each token in {@code text}
 * @param end end (exclusive) of each token in {@code text}
 * @param scores the probe's score at each token position
 */
record ScoredText(String text, int[] start, int[] end, double[] scores) {
    ScoredText {
        if (start.length != end.length || start.length != scores.length) {
            throw new IllegalArgumentException(start.length + " token starts, " + end.length + " ends and "
                    + scores.length + " scores; expected one of each per token");
        }
        start = start.clone();
        end = end.clone();
        scores = scores.clone();
    }

    /**
     * Pairs token spans with scores.
     *
     * @param spans the tokens' spans in the display text
     * @param scores one score per token
     * @return the scored text
     */
    static ScoredText of(TokenText.Rendered spans, double[] scores) {
        return new ScoredText(spans.text(), spans.starts(), spans.ends(), scores);
    }

    /**
     * A character-level text (one token per character), for tests and character tokenizers.
     *
     * @param text the text
     * @param scores one score per character
     * @return the scored text
     */
    static ScoredText chars(String text, double[] scores) {
        int[] s = new int[text.length()];
        int[] e = new int[text.length()];
        for (int i = 0; i < s.length; i++) {
            s[i] = i;
            e[i] = i + 1;
        }
        return new ScoredText(text, s, e, scores);
    }

    /** @return the number of tokens */
    int tokens() {
        return scores.length;
    }

    /** @return the token position with the highest score (the first, on ties) */
    int peak() {
        int best = 0;
        for (int t = 1; t < scores.length; t++) {
            if (scores[t] > scores[best]) {
                best = t;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoredText s && text.equals(s.text) && java.util.Arrays.equals(start, s.start)
                && java.util.Arrays.equals(end, s.end) && java.util.Arrays.equals(scores, s.scores);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + java.util.Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "ScoredText[" + text + ", " + scores.length + " tokens]";
    }
}
