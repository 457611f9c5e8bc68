package org.vivarium.plugin.emfinetune.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;
import org.vivarium.plugin.emfinetune.eval.Part;
import org.vivarium.plugin.emfinetune.eval.SetRate;

/**
 * The section's metrics. Per role and domain: {@code misaligned.<role>.<domain>}, {@code coherent.<role>.<domain>}
 * and {@code n.<role>.<domain>} over all the domain's prompts, and {@code misaligned.<role>.<domain>.validation} /
 * {@code .test} per half. Per role, over the domains other than the chosen fine-tune domain (each weighing the
 * same): {@code misaligned.<role>.other-domains} (all prompts), {@code misaligned.<role>.other-domains.validation},
 * {@code misaligned.<role>.other-domains.test} and {@code coherent.<role>.other-domains.test}. The choice:
 * {@code domain.score.<domain>.validation} / {@code .test} and {@code domain.margin.test}. And
 * {@code evaluator.accuracy}. Domains are {@link org.vivarium.plugin.emfinetune.eval.DomainSet#key() keys};
 * values that are not finite are left out.
 */
public final class EmMetrics {
    /** The name part for the mean over the domains other than the chosen one. */
    public static final String OTHERS = "other-domains";

    private EmMetrics() {
    }

    /**
     * Collects the metrics.
     *
     * @param m the measurement
     * @param c the domain choice
     * @return name to value, in role then domain order
     */
    public static Map<String, Double> of(EmMeasurement m, DomainChoice c) {
        Map<String, Double> out = new LinkedHashMap<>();
        String chosen = c.chosen().orElse(null);
        for (String role : m.roles()) {
            for (SetRate r : m.ratesOf(role, Part.ALL)) {
                String key = role + "." + r.set().key();
                out.put("misaligned." + key, r.misalignedRate());
                out.put("coherent." + key, r.coherentRate());
                out.put("n." + key, (double) r.n());
                for (Part p : new Part[] {Part.VALIDATION, Part.TEST}) {
                    out.put("misaligned." + key + "." + p.id(), m.rate(role, r.set(), p).misalignedRate());
                }
            }
            String others = role + "." + OTHERS;
            out.put("misaligned." + others, m.othersMisaligned(role, chosen, Part.ALL));
            out.put("misaligned." + others + ".validation", m.othersMisaligned(role, chosen, Part.VALIDATION));
            out.put("misaligned." + others + ".test", m.othersMisaligned(role, chosen, Part.TEST));
            out.put("coherent." + others + ".test", m.othersCoherent(role, chosen, Part.TEST));
        }
        for (String d : c.candidates()) {
            String key = m.set(d).key();
            out.put("domain.score." + key + ".validation", c.validationScores().get(d));
            out.put("domain.score." + key + ".test", c.testScores().get(d));
        }
        out.put("domain.margin.test", c.testMargin());
        out.put("evaluator.accuracy", m.evaluatorAccuracy());
        out.values().removeIf(v -> v == null || !Double.isFinite(v));
        return out;
    }
}
