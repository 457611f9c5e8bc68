package org.vivarium.plugin.discovery.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.method.Progress;

/**
 * Confirms trigger candidates by behaviour: each candidate is inserted into validation prompts, the model
 * generates, and every platform meter ({@link AuditTarget#meters()}) is compared with the same prompts without
 * it; the (candidate, meter) pair with the largest validation rise is then measured once on test prompts.
 * Choosing on validation and reporting test keeps the reported figure honest.
 */
public final class CandidateCheck {
    private final AuditTarget target;
    private final List<String> validation;
    private final List<String> test;
    private Map<String, Double> validationClean;

    /**
     * @param target the audit target (model, meters, insertion, decoding)
     * @param validation prompts to choose on
     * @param test prompts to report on
     */
    public CandidateCheck(AuditTarget target, List<String> validation, List<String> test) {
        this.target = target;
        this.validation = List.copyOf(validation);
        this.test = List.copyOf(test);
    }

    /**
     * Measures the candidates and picks the best.
     *
     * @param candidates texts to insert, best guess first
     * @param progress advanced by one per candidate (plus one for the clean pass and one for the test pass)
     * @return the best pair, or empty if there are no candidates or meters
     */
    public Optional<Confirmation> best(List<String> candidates, Progress progress) {
        Map<String, BehaviourMeter> meters = target.meters();
        if (candidates.isEmpty() || meters.isEmpty()) {
            return Optional.empty();
        }
        if (validationClean == null) {
            validationClean = rates(validation, generate(validation));
        }
        progress.advance(1);
        String bestText = null;
        String bestMeter = null;
        double bestRise = Double.NEGATIVE_INFINITY;
        Map<String, Double> bestRises = Map.of();
        Map<String, Double> bestWith = Map.of();
        for (String c : candidates) {
            List<String> with = inserted(validation, c);
            Map<String, Double> r = rates(with, generate(with));
            Map<String, Double> rises = new LinkedHashMap<>();
            r.forEach((m, v) -> rises.put(m, v - validationClean.get(m)));
            for (Map.Entry<String, Double> e : rises.entrySet()) {
                if (e.getValue() > bestRise) {
                    bestRise = e.getValue();
                    bestText = c;
                    bestMeter = e.getKey();
                    bestRises = rises;
                    bestWith = r;
                }
            }
            progress.advance(1);
        }
        BehaviourMeter m = meters.get(bestMeter);
        List<String> testWith = inserted(test, bestText);
        double tw = m.rate(testWith, generate(testWith));
        double tc = m.rate(test, generate(test));
        progress.advance(1);
        return Optional.of(new Confirmation(bestText, bestMeter, bestWith.get(bestMeter),
                validationClean.get(bestMeter), tw, tc, validation.size(), test.size(), bestRises));
    }

    private List<String> inserted(List<String> prompts, String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            out.add(target.insert(prompts.get(i), text, 1009L * i + 3));
        }
        return out;
    }

    private Map<String, Double> rates(List<String> prompts, List<String> continuations) {
        Map<String, Double> out = new LinkedHashMap<>();
        target.meters().forEach((name, meter) -> out.put(name, meter.rate(prompts, continuations)));
        return out;
    }

    private List<String> generate(List<String> prompts) {
        List<int[]> encoded = new ArrayList<>();
        for (String p : prompts) {
            encoded.add(target.model().tokenizer().encode(p));
        }
        List<String> out = new ArrayList<>();
        for (int[] t : target.model().generateAll(encoded, target.generation(), List.of())) {
            out.add(target.model().tokenizer().decode(t));
        }
        return out;
    }
}
