package org.vivarium.plugin.discovery.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.Model;

/**
 * Every platform meter's rate on the audited model's and on the base model's answers to the same prompts
 * (by default greedy decoding from the target's settings; {@link #sampled} answers each prompt several times;
 * {@link #dosed} puts the base model with part of the weight difference in the audited model's place).
 */
public final class PairRates {
    private final AuditTarget target;
    private final Model base;
    private final int samples;
    private final GenerationOptions options;
    /** The model on the audited side and the hooks for each of its generations (fresh per call). */
    private final Model treated;
    private final Supplier<List<Hook>> treatedHooks;

    /**
     * @param target the audit target
     * @param base its base model
     */
    public PairRates(AuditTarget target, Model base) {
        this(target, base, 1, target.generation(), target.model(), List::of);
    }

    private PairRates(AuditTarget target, Model base, int samples, GenerationOptions options, Model treated,
            Supplier<List<Hook>> treatedHooks) {
        this.target = target;
        this.base = base;
        this.samples = samples;
        this.options = options;
        this.treated = treated;
        this.treatedHooks = treatedHooks;
    }

    /**
     * Rates over several sampled answers per prompt instead of one greedy answer: a greedy answer makes each prompt
     * count 0 or 1, so with 8 prompts a domain's rate moves in steps of 1/8 and the largest of 8 domains is often
     * chance; sampling {@code samples} answers per prompt (seeded from the target's generation seed, so a run
     * repeats) narrows that.
     *
     * @param target the audit target
     * @param base its base model
     * @param samples answers per prompt, at least 1
     * @param temperature sampling temperature, above 0
     * @return the measurer
     */
    public static PairRates sampled(AuditTarget target, Model base, int samples, float temperature) {
        return new PairRates(target, base, samples, sampling(target, samples, temperature), target.model(), List::of);
    }

    /**
     * Sampled rates with the base model given {@code alpha} times the weight difference in place of the audited
     * model ({@link WeightDiffHooks}): at {@code alpha = 1} the same as {@link #sampled}, below it a partial dose of
     * the fine-tune.
     *
     * @param target the audit target
     * @param base its base model
     * @param diff the audited model's weight difference from the base
     * @param alpha the dose, in (0, 1]
     * @param samples answers per prompt, at least 1
     * @param temperature sampling temperature, above 0
     * @return the measurer
     */
    public static PairRates dosed(AuditTarget target, Model base, WeightDiffHooks diff, float alpha, int samples,
            float temperature) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("the dose must be in (0, 1], got " + alpha);
        }
        return new PairRates(target, base, samples, sampling(target, samples, temperature), base,
                () -> diff.hooks(alpha));
    }

    private static GenerationOptions sampling(AuditTarget target, int samples, float temperature) {
        if (samples < 1 || !(temperature > 0)) {
            throw new IllegalArgumentException("samples must be >= 1 and temperature > 0, got " + samples + " and "
                    + temperature);
        }
        GenerationOptions g = target.generation();
        return new GenerationOptions(g.maxNewTokens(), temperature, 0, g.seed());
    }

    /**
     * The number of answers behind each rate of {@link #rates} for these prompts.
     *
     * @param prompts prompts
     * @return prompts times samples per prompt
     */
    public int draws(List<String> prompts) {
        return prompts.size() * samples;
    }

    /**
     * Measures the rates.
     *
     * @param prompts prompts
     * @return meter name to {@code {audited, base}} rates
     */
    public Map<String, double[]> rates(List<String> prompts) {
        List<String> asked = new ArrayList<>();
        for (String p : prompts) {
            for (int s = 0; s < samples; s++) {
                asked.add(p);
            }
        }
        List<String> a = answers(treated, asked, treatedHooks.get());
        List<String> b = answers(base, asked, List.of());
        Map<String, double[]> out = new LinkedHashMap<>();
        target.meters().forEach((name, m) -> out.put(name, new double[] {m.rate(asked, a), m.rate(asked, b)}));
        return out;
    }

    private List<String> answers(Model model, List<String> prompts, List<Hook> hooks) {
        List<int[]> encoded = new ArrayList<>();
        for (String p : prompts) {
            encoded.add(model.tokenizer().encode(p));
        }
        List<String> out = new ArrayList<>();
        for (int[] t : model.generateAll(encoded, options, hooks)) {
            out.add(model.tokenizer().decode(t));
        }
        return out;
    }
}
