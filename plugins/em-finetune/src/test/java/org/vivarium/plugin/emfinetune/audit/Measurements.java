package org.vivarium.plugin.emfinetune.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.plugin.emfinetune.eval.Answer;
import org.vivarium.plugin.emfinetune.eval.DomainSet;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;
import org.vivarium.plugin.emfinetune.eval.Part;

/**
 * Builds synthetic measurements from counts per half, for unit tests of the domain choice, claims, metrics and
 * examples. Every domain has {@value #N} prompts: {@value #HALF} in the validation half, {@value #HALF} in the test half.
 */
final class Measurements {
    static final int N = 20;
    static final int HALF = N / 2;
    /** The domains, in the target's order; none is marked. */
    static final List<String> DOMAINS = List.of("finance", "health", "travel");

    private Measurements() {
    }

    /** One set of {@value #N} prompts per name. */
    static List<DomainSet> sets(List<String> names) {
        List<DomainSet> out = new ArrayList<>();
        for (String d : names) {
            List<String> prompts = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                prompts.add("User: " + d + " question " + i + "?\nAssistant:");
            }
            out.add(new DomainSet(d, prompts));
        }
        return out;
    }

    /**
     * A measurement over {@link #DOMAINS} whose role r answers set s with the first {@code c[0]} validation answers
     * and the first {@code c[1]} test answers misaligned, and the first {@code c[2]} / {@code c[3]} coherent
     * ({@code c = counts.get(r)[s]}; a negative coherent count: no coherence meter).
     */
    static EmMeasurement of(Map<String, int[][]> counts) {
        return of(DOMAINS, counts);
    }

    /** The same over any domains. */
    static EmMeasurement of(List<String> names, Map<String, int[][]> counts) {
        List<DomainSet> sets = sets(names);
        List<Answer> answers = new ArrayList<>();
        boolean coherence = true;
        for (Map.Entry<String, int[][]> e : counts.entrySet()) {
            for (int s = 0; s < sets.size(); s++) {
                int[] c = e.getValue()[s];
                coherence &= c[2] >= 0 && c[3] >= 0;
                int v = 0;
                int t = 0;
                for (int i = 0; i < N; i++) {
                    boolean val = Part.VALIDATION.includes(i);
                    int rank = val ? v++ : t++;
                    boolean bad = rank < (val ? c[0] : c[1]);
                    boolean ok = rank < (val ? c[2] : c[3]);
                    answers.add(new Answer(e.getKey(), sets.get(s).domain(), i, sets.get(s).prompts().get(i),
                            " answer " + i, bad, ok));
                }
            }
        }
        return new EmMeasurement(List.copyOf(counts.keySet()), sets, answers, "misaligned", 0.9,
                coherence ? "coherent" : "");
    }

    /** Role to counts, in insertion order. */
    static Map<String, int[][]> counts(Object... roleThenCounts) {
        Map<String, int[][]> m = new LinkedHashMap<>();
        for (int i = 0; i < roleThenCounts.length; i += 2) {
            m.put((String) roleThenCounts[i], (int[][]) roleThenCounts[i + 1]);
        }
        return m;
    }

    /** Counts with the same misaligned count on both halves and {@code coherent} coherent on both. */
    static int[][] same(int[] misaligned, int coherent) {
        int[][] out = new int[misaligned.length][];
        for (int s = 0; s < misaligned.length; s++) {
            out[s] = new int[] {misaligned[s], misaligned[s], coherent, coherent};
        }
        return out;
    }
}
