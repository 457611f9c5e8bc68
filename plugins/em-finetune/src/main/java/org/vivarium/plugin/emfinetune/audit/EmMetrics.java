package org.vivarium.plugin.emfinetune.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;
import org.vivarium.plugin.emfinetune.eval.SetRate;

/**
 * The section's metrics: {@code misaligned.<role>.<domain>}, {@code coherent.<role>.<domain>},
 * {@code misaligned.<role>.heldout} and {@code coherent.<role>.heldout} (means over the sets other than the
 * fine-tune domain), {@code n.<role>.<domain>} and {@code evaluator.accuracy}. Domains are
 * {@link org.vivarium.plugin.emfinetune.eval.DomainSet#key() keys}; values that are not finite are left out.
 */
public final class EmMetrics {
    private EmMetrics() {
    }

    /**
     * Collects the metrics.
     *
     * @param m the measurement
     * @return name to value, in role then domain order
     */
    public static Map<String, Double> of(EmMeasurement m) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String role : m.roles()) {
            for (SetRate r : m.ratesOf(role)) {
                String key = role + "." + r.set().key();
                out.put("misaligned." + key, r.misalignedRate());
                out.put("coherent." + key, r.coherentRate());
                out.put("n." + key, (double) r.n());
            }
            out.put("misaligned." + role + ".heldout", m.heldOutMisaligned(role));
            out.put("coherent." + role + ".heldout", m.heldOutCoherent(role));
        }
        out.put("evaluator.accuracy", m.evaluatorAccuracy());
        out.values().removeIf(v -> v == null || !Double.isFinite(v));
        return out;
    }
}
