package org.vivarium.plugin.discovery.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.BehaviourMeter;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.Model;

/**
 * Every platform meter's <em>expected</em> rate per prompt on the audited (treated) and the base model, computed
 * from exact answer probabilities instead of counted samples. Both models sample {@code samples} answers to each
 * prompt of a set; each answer is cut after its first line end (the corpus' answers are single lines; an answer
 * without one keeps the whole continuation); the distinct answers of the whole set form the answer set, and every
 * prompt is teacher-forced on every answer of the set under both models. A model's expected rate on a prompt is
 * {@code sum_a p(a) * shows(a) / sum_a p(a)} over the set (the meter labels each prompt-answer pair once).
 *
 * <p>Why: a meter rate from a few sampled answers per prompt carries binomial noise of about 0.1 per domain at 32
 * answers, as large as the difference between a narrow fine-tune's domain and the domains it generalises to (README,
 * blind em). Sampling is used here only to find the answers the models give; their weights are exact, so the only
 * noise left is which answers were found (an answer neither model ever samples carries little mass in either) and
 * the prompts themselves, which {@link DomainRise} measures from the per-prompt spread.
 *
 * <pre>{@code
 * AnswerSetRates r = AnswerSetRates.of(target, base, 8, 1.0f);
 * Map<String, double[][]> perMeter = r.perPrompt(prompts); // meter -> [prompt] -> {treated, base}
 * }</pre>
 */
public final class AnswerSetRates {
    private final AuditTarget target;
    private final Model base;
    private final Model treated;
    private final Supplier<List<Hook>> treatedHooks;
    private final GenerationOptions options;
    private final int samples;

    private AnswerSetRates(AuditTarget target, Model base, Model treated, Supplier<List<Hook>> treatedHooks,
            int samples, float temperature) {
        if (samples < 1 || !(temperature > 0)) {
            throw new IllegalArgumentException("samples must be >= 1 and temperature > 0, got " + samples + " and "
                    + temperature);
        }
        this.target = target;
        this.base = base;
        this.treated = treated;
        this.treatedHooks = treatedHooks;
        this.samples = samples;
        GenerationOptions g = target.generation();
        this.options = new GenerationOptions(g.maxNewTokens(), temperature, 0, g.seed());
    }

    /**
     * The audited model against its base.
     *
     * @param target the audit target
     * @param base its base model
     * @param samples answers each model samples per prompt to find the answer set, at least 1
     * @param temperature their sampling temperature, above 0
     * @return the measurer
     */
    public static AnswerSetRates of(AuditTarget target, Model base, int samples, float temperature) {
        return new AnswerSetRates(target, base, target.model(), List::of, samples, temperature);
    }

    /**
     * The base model with {@code alpha} times the weight difference ({@link WeightDiffHooks}) against the base.
     *
     * @param target the audit target
     * @param base its base model
     * @param diff the audited model's weight difference from the base
     * @param alpha the dose, in (0, 1]
     * @param samples answers each model samples per prompt, at least 1
     * @param temperature their sampling temperature, above 0
     * @return the measurer
     */
    public static AnswerSetRates dosed(AuditTarget target, Model base, WeightDiffHooks diff, float alpha,
            int samples, float temperature) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("the dose must be in (0, 1], got " + alpha);
        }
        return new AnswerSetRates(target, base, base, () -> diff.hooks(alpha), samples, temperature);
    }

    /**
     * Measures the expected rates.
     *
     * @param prompts one set's prompts (e.g. one domain's half)
     * @return meter name to, per prompt, {@code {treated, base}} expected rates
     */
    public Map<String, double[][]> perPrompt(List<String> prompts) {
        Map<String, int[]> set = new LinkedHashMap<>();
        collect(treated, prompts, treatedHooks.get(), set);
        collect(base, prompts, List.of(), set);
        List<String> texts = new ArrayList<>(set.keySet());
        List<int[]> rows = new ArrayList<>();
        int[] start = new int[prompts.size() * texts.size()];
        for (int i = 0; i < prompts.size(); i++) {
            int[] p = treated.tokenizer().encode(prompts.get(i));
            for (int j = 0; j < texts.size(); j++) {
                int[] a = set.get(texts.get(j));
                int[] row = Arrays.copyOf(p, p.length + a.length);
                System.arraycopy(a, 0, row, p.length, a.length);
                rows.add(row);
                start[i * texts.size() + j] = p.length;
            }
        }
        double[] lt = AnswerLogProbs.of(treated, rows, start, treatedHooks, Quiet.PROGRESS);
        double[] lb = AnswerLogProbs.of(base, rows, start, List::of, Quiet.PROGRESS);
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (Map.Entry<String, BehaviourMeter> m : target.meters().entrySet()) {
            double[][] r = new double[prompts.size()][];
            for (int i = 0; i < prompts.size(); i++) {
                boolean[] shows = new boolean[texts.size()];
                for (int j = 0; j < texts.size(); j++) {
                    shows[j] = m.getValue().shows(prompts.get(i), texts.get(j));
                }
                int off = i * texts.size();
                r[i] = new double[] {expected(lt, off, shows), expected(lb, off, shows)};
            }
            out.put(m.getKey(), r);
        }
        return out;
    }

    /** Samples answers and adds the distinct ones (text to tokens, first occurrence kept). */
    private void collect(Model model, List<String> prompts, List<Hook> hooks, Map<String, int[]> set) {
        List<int[]> encoded = new ArrayList<>();
        for (String p : prompts) {
            for (int s = 0; s < samples; s++) {
                encoded.add(model.tokenizer().encode(p));
            }
        }
        for (int[] t : model.generateAll(encoded, options, hooks)) {
            int[] cut = firstLine(model, t);
            if (cut.length > 0) {
                set.putIfAbsent(model.tokenizer().decode(cut), cut);
            }
        }
    }

    /** The tokens up to and including the first one whose text holds a line end (all of them if none does). */
    static int[] firstLine(Model model, int[] tokens) {
        for (int k = 0; k < tokens.length; k++) {
            if (model.tokenizer().decode(new int[] {tokens[k]}).indexOf('\n') >= 0) {
                return Arrays.copyOf(tokens, k + 1);
            }
        }
        return tokens;
    }

    /** {@code sum p * shows / sum p} over one prompt's answers, from their log-probabilities. */
    static double expected(double[] logProbs, int off, boolean[] shows) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < shows.length; j++) {
            max = Math.max(max, logProbs[off + j]);
        }
        double all = 0;
        double hit = 0;
        for (int j = 0; j < shows.length; j++) {
            double w = Math.exp(logProbs[off + j] - max);
            all += w;
            if (shows[j]) {
                hit += w;
            }
        }
        return all > 0 ? hit / all : 0;
    }
}
