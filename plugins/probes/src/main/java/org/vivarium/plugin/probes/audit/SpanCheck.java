package org.vivarium.plugin.probes.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A candidate trigger span measured on one part of the split: how many condition-present prompts contain it, how
 * many condition-absent prompts contain it, and in how many condition-present prompts the probe <em>localises</em>
 * it: its onset (the first token beyond anything condition-absent prompts show, {@link TokenBaseline#onset}) or its
 * peak (the highest-scoring token) lies inside the span. Both are needed: a probe reading a token-local feature
 * peaks on the span, while a probe reading a state the model keeps after the trigger peaks after it but departs
 * from its condition-absent range on it. The share is compared with chance: the probability that an onset or a
 * peak placed uniformly at random lands in the span.
 *
 * @param span the span's text
 * @param positives condition-present prompts measured
 * @param present how many of them contain the span
 * @param negatives condition-absent prompts measured
 * @param absentHits how many of those contain the span
 * @param hits condition-present prompts whose onset or peak overlaps an occurrence of the span
 * @param onsets condition-present prompts whose onset token overlaps an occurrence of the span
 * @param peaks condition-present prompts whose highest-scoring token overlaps an occurrence of the span
 * @param chance the mean, over condition-present prompts, of {@code 1 - (1 - c)^2} where {@code c} is the share
 *     of the prompt's tokens that overlap an occurrence (0 where absent): the chance of a hit by two random tokens
 */
record SpanCheck(String span, int positives, int present, int negatives, int absentHits, int hits, int onsets,
        int peaks, double chance) {
    /** Share of condition-present prompts that must contain the span. */
    static final double MIN_PRESENT = 0.8;
    /** Largest share of condition-absent prompts that may contain it. */
    static final double MAX_ABSENT = 0.1;
    /** Share of condition-present prompts in which the probe must localise the span (onset or peak in it). */
    static final double MIN_HIT = 0.5;
    /** ... and at least this many times the chance share. */
    static final double MIN_LIFT = 2.0;

    /**
     * Measures a span.
     *
     * @param span the span text, not empty
     * @param part the prompts of one part
     * @param baseline the probe's condition-absent baseline (from the fit part)
     * @return the counts
     */
    static SpanCheck of(String span, PartTexts part, TokenBaseline baseline) {
        if (span == null || span.isEmpty()) {
            throw new IllegalArgumentException("a span to check must not be empty");
        }
        int present = 0;
        int hits = 0;
        int onsets = 0;
        int peaks = 0;
        double chance = 0;
        for (ScoredText p : part.positives()) {
            List<Integer> at = occurrences(p.text(), span);
            if (at.isEmpty()) {
                continue;
            }
            present++;
            int covered = 0;
            for (int t = 0; t < p.tokens(); t++) {
                covered += overlaps(p, t, at, span.length()) ? 1 : 0;
            }
            double c = (double) covered / p.tokens();
            chance += 1 - (1 - c) * (1 - c);
            int onset = baseline.onset(p);
            boolean onsetIn = onset >= 0 && overlaps(p, onset, at, span.length());
            boolean peakIn = overlaps(p, p.peak(), at, span.length());
            onsets += onsetIn ? 1 : 0;
            peaks += peakIn ? 1 : 0;
            hits += onsetIn || peakIn ? 1 : 0;
        }
        int absentHits = (int) part.negatives().stream().filter(n -> n.text().contains(span)).count();
        int n = part.positives().size();
        return new SpanCheck(span, n, present, part.negatives().size(), absentHits, hits, onsets, peaks,
                n == 0 ? 0 : chance / n);
    }

    /** @return share of condition-present prompts containing the span */
    double presentRate() {
        return positives == 0 ? 0 : (double) present / positives;
    }

    /** @return share of condition-absent prompts containing the span */
    double absentRate() {
        return negatives == 0 ? 0 : (double) absentHits / negatives;
    }

    /** @return share of condition-present prompts in which the probe localises the span (onset or peak in it) */
    double hitRate() {
        return positives == 0 ? 0 : (double) hits / positives;
    }

    /** @return share of condition-present prompts whose probe onset lies in the span */
    double onsetRate() {
        return positives == 0 ? 0 : (double) onsets / positives;
    }

    /** @return share of condition-present prompts whose probe peak lies in the span */
    double peakRate() {
        return positives == 0 ? 0 : (double) peaks / positives;
    }

    /** @return whether the span recurs in condition-present prompts and is rare in condition-absent ones */
    boolean recurs() {
        return positives > 0 && negatives > 0 && presentRate() >= MIN_PRESENT && absentRate() <= MAX_ABSENT;
    }

    /** @return whether the probe localises the span far above chance */
    boolean probeLocalises() {
        return hitRate() >= MIN_HIT && hitRate() >= MIN_LIFT * chance;
    }

    /** @return whether both hold: the span is claimed as a trigger only then */
    boolean passes() {
        return recurs() && probeLocalises();
    }

    /** @return the counts in one line */
    String describe() {
        return String.format(Locale.ROOT, "in %d/%d condition-present and %d/%d condition-absent prompts;"
                + " probe onset or peak in the span in %d/%d (%.2f, chance %.2f; onset %d, peak %d)", present,
                positives, absentHits, negatives, hits, positives, hitRate(), chance, onsets, peaks);
    }

    private static boolean overlaps(ScoredText p, int token, List<Integer> occurrences, int length) {
        int s = p.start()[token];
        int e = p.end()[token];
        if (e <= s) {
            return false;
        }
        for (int o : occurrences) {
            if (s < o + length && e > o) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> occurrences(String text, String span) {
        List<Integer> out = new ArrayList<>();
        for (int i = text.indexOf(span); i >= 0; i = text.indexOf(span, i + 1)) {
            out.add(i);
        }
        return out;
    }
}
