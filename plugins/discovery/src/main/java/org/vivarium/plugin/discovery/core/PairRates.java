package org.vivarium.plugin.discovery.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.model.Model;

/**
 * Every platform meter's rate on the audited model's and on the base model's greedy answers to the same prompts
 * (decoding from the target's settings; {@link AnswerSetRates} gives expected rates per prompt instead).
 */
public final class PairRates {
    private final AuditTarget target;
    private final Model base;

    /**
     * @param target the audit target
     * @param base its base model
     */
    public PairRates(AuditTarget target, Model base) {
        this.target = target;
        this.base = base;
    }

    /**
     * Measures the rates.
     *
     * @param prompts prompts
     * @return meter name to {@code {audited, base}} rates
     */
    public Map<String, double[]> rates(List<String> prompts) {
        List<String> a = answers(target.model(), prompts);
        List<String> b = answers(base, prompts);
        Map<String, double[]> out = new LinkedHashMap<>();
        target.meters().forEach((name, m) -> out.put(name, new double[] {m.rate(prompts, a), m.rate(prompts, b)}));
        return out;
    }

    private List<String> answers(Model model, List<String> prompts) {
        List<String> out = new ArrayList<>();
        List<int[]> encoded = new ArrayList<>();
        for (String p : prompts) {
            encoded.add(model.tokenizer().encode(p));
        }
        for (int[] t : model.generateAll(encoded, target.generation(), List.of())) {
            out.add(model.tokenizer().decode(t));
        }
        return out;
    }
}
