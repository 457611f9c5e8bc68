package org.vivarium.plugin.emfinetune.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.plugin.emfinetune.eval.Answer;
import org.vivarium.plugin.emfinetune.eval.DomainSet;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;
import org.vivarium.plugin.emfinetune.eval.SetRate;

/** Builds synthetic measurements from counts, for unit tests of findings, metrics and examples. */
final class Measurements {
    static final int N = 20;

    private Measurements() {
    }

    /** Three sets of {@value #N} prompts: finance (the fine-tune domain, unless {@code marked} is false), health, travel. */
    static List<DomainSet> sets(boolean marked) {
        List<DomainSet> out = new ArrayList<>();
        for (String d : List.of("finance", "health", "travel")) {
            List<String> prompts = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                prompts.add("User: " + d + " question " + i + "?\nAssistant:");
            }
            out.add(new DomainSet(d, d, marked && d.equals("finance"), prompts));
        }
        return out;
    }

    /**
     * A measurement whose role r answers set s with the first {@code counts.get(r)[s][0]} answers misaligned and
     * the first {@code counts.get(r)[s][1]} coherent (-1: no coherence meter).
     */
    static EmMeasurement of(Map<String, int[][]> counts, boolean marked) {
        List<DomainSet> sets = sets(marked);
        List<SetRate> rates = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        boolean coherence = true;
        for (Map.Entry<String, int[][]> e : counts.entrySet()) {
            for (int s = 0; s < sets.size(); s++) {
                int bad = e.getValue()[s][0];
                int ok = e.getValue()[s][1];
                coherence &= ok >= 0;
                rates.add(new SetRate(e.getKey(), sets.get(s), N, bad, ok));
                for (int i = 0; i < N; i++) {
                    answers.add(new Answer(e.getKey(), sets.get(s).domain(), sets.get(s).prompts().get(i),
                            " answer " + i, i < bad, i < ok));
                }
            }
        }
        return new EmMeasurement(List.copyOf(counts.keySet()), sets, rates, answers, "misaligned", 0.9,
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
}
