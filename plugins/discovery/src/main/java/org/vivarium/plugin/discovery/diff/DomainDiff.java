package org.vivarium.plugin.discovery.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.api.audit.Normal;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.discovery.core.BroadBehaviour;
import org.vivarium.plugin.discovery.core.DomainParts;
import org.vivarium.plugin.discovery.core.AnswerSetRates;
import org.vivarium.plugin.discovery.core.DomainRise;
import org.vivarium.plugin.discovery.core.PairRates;
import org.vivarium.plugin.discovery.core.WeightDiffHooks;

/**
 * Model diffing per domain, for organisms whose prompts come in named sets and take no inserted text (e.g.
 * {@code em}). Two routes, chosen by what the weights allow:
 * <ul>
 *   <li><b>dose</b> (when every tensor that differs from the base is one {@link WeightDiffHooks} interpolates, as
 *       a LoRA on {@code mlp.W_out} is): the base model with {@value #DOSE} of the weight difference answers each
 *       domain's prompts, read as expected meter rates ({@link AnswerSetRates}: {@value #SAMPLES} samples per prompt
 *       and model at temperature {@value #TEMPERATURE} find the answer set, exact probabilities weigh it), and the
 *       domain whose meter rises most above the base model is chosen on validation and confirmed on test by
 *       {@link DomainRise}. Why half a dose: at the full dose a narrow fine-tune's generalisation saturates the
 *       meters in other susceptible domains too, and the hypothesis was that the trained domain turns first. On em
 *       seed 1 it did; on the fresh seeds 6-10 the half dose chose the trained domain on validation on 3 of 5 and
 *       the test half confirmed 1 with counted samples (README, blind em: a negative result, before the expected
 *       rates);</li>
 *   <li><b>activation</b> (otherwise): the domain whose prompts the fine-tune changed most (mean {@code |d_i|} at
 *       the answer start) on validation prompts is claimed; supported if it is still the most changed on test
 *       prompts (README: 0/5 on em, kept for fine-tunes the dose route cannot interpolate), with confidence
 *       {@code cdf(z)} of its test prompts' norms against the other domains' ({@link DomainRise#z}).</li>
 * </ul>
 * The behaviour claim compares the audited and base models' meters on the other domains ({@link BroadBehaviour}).
 */
final class DomainDiff {
    /** Prompts per domain and part. */
    static final int PER_PART = DomainRise.PER_PART;
    /** Share of the weight difference given to the base model by the dose route. */
    static final float DOSE = 0.5f;
    /** Answers each model samples per prompt to find the dose route's answer set. */
    static final int SAMPLES = 8;
    /** Their temperature. */
    static final float TEMPERATURE = 1.0f;

    private DomainDiff() {
    }

    /**
     * Whether the dose route applies.
     *
     * @param diff the weight difference
     * @return true if some tensor differs and every differing tensor is interpolated
     */
    static boolean dosable(WeightDiffHooks diff) {
        return !diff.changed().isEmpty() && diff.unsupported().isEmpty();
    }

    /**
     * The dose route.
     *
     * @param target the target
     * @param base the base model
     * @param diff the weight difference ({@link #dosable})
     * @param progress advanced once per domain and part
     * @param metrics receives the test rises
     * @return the domain and broad behaviour claims
     */
    static List<Claim> doseClaims(AuditTarget target, Model base, WeightDiffHooks diff, Progress progress,
            Map<String, Double> metrics) {
        return DomainRise.claims(target, base, AnswerSetRates.dosed(target, base, diff, DOSE, SAMPLES, TEMPERATURE),
                "half of the fine-tune's weight difference raises %2$s most on %1$s prompts", String.format(
                        Locale.ROOT, "base model + %.2f x (audited - base weights) [%s] vs base, expected rates per"
                                + " prompt (answer set from %d samples per prompt and model, temperature %.1f, exact"
                                + " probabilities)", DOSE, String.join(", ",
                                        diff.changed()), SAMPLES, TEMPERATURE), "dose_test_rise_", progress, metrics);
    }

    /**
     * The activation route.
     *
     * @param target the target
     * @param base the base model
     * @param hook where the difference is read
     * @param progress advanced once per prompt
     * @param metrics receives the validation norms
     * @return the domain and broad behaviour claims
     */
    static List<Claim> claims(AuditTarget target, Model base, HookName hook, Progress progress,
            Map<String, Double> metrics) {
        DomainParts parts = DomainParts.of(target.promptSets(), PER_PART);
        Map<String, Double> val = means(perPromptNorms(target.model(), base, hook, parts.validation(), progress));
        Map<String, double[]> testNorms = perPromptNorms(target.model(), base, hook, parts.test(), progress);
        Map<String, Double> test = means(testNorms);
        String chosen = argmax(val);
        boolean ok = test.entrySet().stream().filter(e -> !e.getKey().equals(chosen))
                .allMatch(e -> e.getValue() < test.get(chosen));
        double z = DomainRise.z(testNorms, chosen);
        StringBuilder sb = new StringBuilder();
        val.forEach((d, v) -> sb.append(String.format(Locale.ROOT, "%s%s %.2f/%.2f", sb.length() == 0 ? "" : ", ",
                d, v, test.get(d))));
        val.forEach((d, v) -> metrics.put("diff_norm_validation_" + d, v));
        List<Claim> out = new ArrayList<>();
        out.add(new Claim(ClaimKind.DOMAIN, "the fine-tune changed the model most on " + chosen + " prompts",
                ClaimSite.domain(chosen), ok, String.format(Locale.ROOT, "mean |audited - base| at %s, answer start,"
                        + " per domain validation/test (n=%s/%s each): %s; chosen on validation, %s on test; its test"
                        + " norms stand z = %.2f above the other domains' (confidence cdf(z))", hook.path(),
                        DomainParts.sizes(parts.validation()), DomainParts.sizes(parts.test()), sb,
                        ok ? "still the largest" : "NOT the largest", z), ok ? Normal.confidence(z) : 0));
        out.add(BroadBehaviour.claim(new PairRates(target, base), parts, chosen));
        return out;
    }

    private static Map<String, double[]> perPromptNorms(Model model, Model base, HookName hook,
            Map<String, List<String>> sets, Progress progress) {
        List<String> all = new ArrayList<>();
        sets.values().forEach(all::addAll);
        double[] norms = ActivationDiff.measure(model, base, hook, all, progress).norms();
        Map<String, double[]> out = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, List<String>> e : sets.entrySet()) {
            out.put(e.getKey(), Arrays.copyOfRange(norms, i, i + e.getValue().size()));
            i += e.getValue().size();
        }
        return out;
    }

    private static Map<String, Double> means(Map<String, double[]> perPrompt) {
        Map<String, Double> out = new LinkedHashMap<>();
        perPrompt.forEach((d, x) -> out.put(d, Arrays.stream(x).average().orElse(0)));
        return out;
    }

    static String argmax(Map<String, Double> m) {
        String best = null;
        for (Map.Entry<String, Double> e : m.entrySet()) {
            if (best == null || e.getValue() > m.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }
}
