package org.vivarium.plugin.probes.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The probes audit's metrics; the keys are listed on {@link ProbesAuditor}. */
final class AuditMetrics {
    private AuditMetrics() {
    }

    /**
     * Collects the metrics.
     *
     * @param split the prompt split
     * @param grid the prompt-level probes
     * @param tokenGrid the token-level probes
     * @param chosen the prompt-level probe chosen on validation
     * @param direction the direction claimed
     * @param searches the trigger search of every probe
     * @param trigger the search chosen on validation
     * @return metric name to value, in a stable order
     */
    static Map<String, Double> of(LabelSplit split, List<AuditProbe> grid, List<AuditProbe> tokenGrid,
            AuditProbe chosen, float[] direction, List<TriggerSearch> searches, TriggerSearch trigger) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("split.fit", (double) split.fit().length);
        m.put("split.validation", (double) split.validation().length);
        m.put("split.test", (double) split.test().length);
        probes(m, "", grid);
        probes(m, "tokens.", tokenGrid);
        m.put("chosen.layer", (double) chosen.layer());
        m.put("chosen.validation.accuracy", chosen.validation().accuracy());
        m.put("chosen.validation.auroc", chosen.validation().auroc());
        m.put("chosen.test.accuracy", chosen.test().accuracy());
        m.put("chosen.test.auroc", chosen.test().auroc());
        double norm = 0;
        for (float x : direction) {
            norm += (double) x * x;
        }
        m.put("direction.norm", Math.sqrt(norm));
        m.put("trigger.candidates", (double) searches.stream().mapToInt(s -> s.candidates().size()).sum());
        if (trigger.chosen() != null) {
            span(m, "fit", trigger.chosen().fit());
            span(m, "validation", trigger.validation());
            span(m, "test", trigger.test());
            m.put("trigger.threshold", trigger.baseline().threshold());
            m.put("trigger.supported", trigger.supported() ? 1.0 : 0.0);
        }
        return m;
    }

    private static void probes(Map<String, Double> m, String prefix, List<AuditProbe> probes) {
        for (AuditProbe p : probes) {
            m.put(prefix + "validation.accuracy." + p.key(), p.validation().accuracy());
            m.put(prefix + "validation.auroc." + p.key(), p.validation().auroc());
            m.put(prefix + "test.accuracy." + p.key(), p.test().accuracy());
            m.put(prefix + "test.auroc." + p.key(), p.test().auroc());
        }
    }

    private static void span(Map<String, Double> m, String part, SpanCheck c) {
        m.put("trigger." + part + ".present_rate", c.presentRate());
        m.put("trigger." + part + ".absent_rate", c.absentRate());
        m.put("trigger." + part + ".hit_rate", c.hitRate());
        m.put("trigger." + part + ".onset_rate", c.onsetRate());
        m.put("trigger." + part + ".peak_rate", c.peakRate());
        m.put("trigger." + part + ".chance", c.chance());
    }
}
