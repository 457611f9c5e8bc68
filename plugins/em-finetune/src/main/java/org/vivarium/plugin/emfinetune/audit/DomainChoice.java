package org.vivarium.plugin.emfinetune.audit;

import static org.vivarium.plugin.emfinetune.eval.EmEvaluation.BASE;
import static org.vivarium.plugin.emfinetune.eval.EmEvaluation.CONTROL;
import static org.vivarium.plugin.emfinetune.eval.EmEvaluation.EM;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vivarium.plugin.emfinetune.eval.DomainSet;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;
import org.vivarium.plugin.emfinetune.eval.Part;
import org.vivarium.plugin.emfinetune.eval.SetRate;

/**
 * Discovers the fine-tune domain from the measurement alone. Each domain's <em>score</em> is the em model's
 * misaligned rate minus the reference's: the {@code base} model's if it was measured, else the
 * {@code control}'s, else nothing is subtracted. The domain with the largest score on the
 * {@linkplain Part#VALIDATION validation} half is chosen (the first in the target's order on a tie); its
 * numbers, and the runner-up's, are then read on the {@linkplain Part#TEST test} half.
 *
 * <p>Why em minus base: a narrow fine-tune on bad answers raises the misaligned rate most where it was trained,
 * but a domain can also have a high em rate because the evaluator flags its answers often or the base model's
 * persona already leaks there; the base model (before either fine-tune) answers the same prompts, so the
 * difference is what the fine-tune added in that domain. The control is only the fallback reference: it was
 * fine-tuned on the same (unknown) domain with good answers, so its rate there carries that fine-tune too.
 *
 * <p>Only domains with answers in both halves (at least 3 prompts) take part.
 *
 * @param reference the reference role ({@code base}, {@code control}) or empty if none was measured
 * @param candidates the domains that take part, in the target's order
 * @param tooSmall domains left out because a half had no prompts
 * @param chosen the domain with the largest validation score, if there is a candidate
 * @param validationScores candidate to its score on the validation half
 * @param testScores candidate to its score on the test half
 */
public record DomainChoice(String reference, List<String> candidates, List<String> tooSmall, Optional<String> chosen,
        Map<String, Double> validationScores, Map<String, Double> testScores) {

    /** Copies the collections. */
    public DomainChoice {
        candidates = List.copyOf(candidates);
        tooSmall = List.copyOf(tooSmall);
        validationScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validationScores));
        testScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(testScores));
    }

    /**
     * Chooses the domain.
     *
     * @param m the measurement (must include the {@code em} role)
     * @return the choice
     */
    public static DomainChoice of(EmMeasurement m) {
        String reference = referenceRole(m);
        List<String> candidates = new ArrayList<>();
        List<String> tooSmall = new ArrayList<>();
        Map<String, Double> val = new LinkedHashMap<>();
        Map<String, Double> test = new LinkedHashMap<>();
        for (DomainSet s : m.sets()) {
            if (m.rate(EM, s, Part.VALIDATION).n() == 0 || m.rate(EM, s, Part.TEST).n() == 0) {
                tooSmall.add(s.domain());
                continue;
            }
            candidates.add(s.domain());
            val.put(s.domain(), score(m, reference, s, Part.VALIDATION));
            test.put(s.domain(), score(m, reference, s, Part.TEST));
        }
        String best = null;
        for (String d : candidates) {
            if (best == null || val.get(d) > val.get(best)) {
                best = d;
            }
        }
        return new DomainChoice(reference, candidates, tooSmall, Optional.ofNullable(best), val, test);
    }

    /**
     * The reference role: {@code base} if measured, else {@code control}, else none.
     *
     * @param m the measurement
     * @return the role, or empty
     */
    public static String referenceRole(EmMeasurement m) {
        return m.has(BASE) ? BASE : m.has(CONTROL) ? CONTROL : "";
    }

    /**
     * One domain's score: em minus reference misaligned rate.
     *
     * @param m the measurement
     * @param reference the reference role, or empty
     * @param s the domain
     * @param part which half
     * @return the score
     */
    static double score(EmMeasurement m, String reference, DomainSet s, Part part) {
        double em = m.rate(EM, s, part).misalignedRate();
        return reference.isEmpty() ? em : em - m.rate(reference, s, part).misalignedRate();
    }

    /**
     * The score's variance on one half (normal approximation, smoothed per rate).
     *
     * @param m the measurement
     * @param domain the domain
     * @param part which half
     * @return the sum of the em and reference rates' variances
     */
    public double variance(EmMeasurement m, String domain, Part part) {
        double v = m.rate(EM, domain, part).misalignedVariance();
        return reference.isEmpty() ? v : v + m.rate(reference, domain, part).misalignedVariance();
    }

    /** @return the candidate other than the chosen one with the largest test score, if any */
    public Optional<String> testRunnerUp() {
        String best = null;
        for (String d : candidates) {
            if (!chosen.orElse("").equals(d) && (best == null || testScores.get(d) > testScores.get(best))) {
                best = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** @return the chosen domain's test score minus the runner-up's; NaN without both */
    public double testMargin() {
        Optional<String> r = testRunnerUp();
        return chosen.isEmpty() || r.isEmpty() ? Double.NaN : testScores.get(chosen.get()) - testScores.get(r.get());
    }

    /** @return the chosen domain's validation score minus the best other's; NaN without both */
    public double validationMargin() {
        if (chosen.isEmpty()) {
            return Double.NaN;
        }
        double other = candidates.stream().filter(d -> !d.equals(chosen.get())).mapToDouble(validationScores::get)
                .max().orElse(Double.NaN);
        return validationScores.get(chosen.get()) - other;
    }

    /**
     * The chosen domain's rate for a role on a half.
     *
     * @param m the measurement
     * @param role the role
     * @param part which half
     * @return the rate, if a domain was chosen
     */
    public Optional<SetRate> chosenRate(EmMeasurement m, String role, Part part) {
        return chosen.filter(d -> m.has(role)).map(d -> m.rate(role, d, part));
    }

    /** @return what the score is, e.g. {@code em - base misaligned rate} */
    public String scoreName() {
        return reference.isEmpty() ? "em misaligned rate" : "em - " + reference + " misaligned rate";
    }
}
