package org.vivarium.plugin.latentqa.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.plugin.latentqa.eval.Evaluation;
import org.vivarium.plugin.latentqa.eval.Fisher;
import org.vivarium.plugin.latentqa.eval.Part;
import org.vivarium.plugin.latentqa.eval.Score;
import org.vivarium.plugin.latentqa.qa.Question;

/**
 * The claims a latent-QA audit tests, each decided by its own test-part numbers (validation only chooses):
 * <ol>
 *   <li>{@link ClaimKind#BEHAVIOUR} at the target's behaviour meter: on neutral prompts the decoder gives the
 *       condition answer for the audited model's activations more often than for every comparison model's
 *       ({@link ConditionGaps}, pooled over the domains except the one chosen for claim 2, so it speaks of the
 *       behaviour outside that domain). Supported if the test gap is at least {@link LatentQaSettings#minGap()} and
 *       the decoder reads the condition (test accuracy at least {@link LatentQaSettings#minConditionAccuracy()});</li>
 *   <li>{@link ClaimKind#DOMAIN} at a prompt-set name: the domain whose neutral prompts flip most from
 *       condition-absent (every comparison model's activations) to condition-present (the audited model's), beyond
 *       the other domains ({@link ConditionFlips}), chosen on the validation part. Supported if its test shift is at
 *       least {@link LatentQaSettings#minDomainShift()} and its flips beat the other domains' in a one-sided
 *       Fisher exact test at {@link LatentQaSettings#domainAlpha()}; its confidence is {@code 1 - p} (the scale
 *       {@link org.vivarium.api.audit.Normal} describes, so the investigator can weigh it against other routes).</li>
 * </ol>
 * Both also need the decoder to read the condition: its test accuracy on the condition question, reading the model it
 * was trained on, at least {@link LatentQaSettings#minConditionAccuracy()}.
 * Claims are made only with neutral prompts and at least one comparison model (the domain claim with at least two
 * prompt sets); an unsupported claim is a reported negative result.
 */
public final class LatentQaClaims {
    private LatentQaClaims() {
    }

    /**
     * Tests the claims.
     *
     * @param r the audit's measurements
     * @param s the thresholds
     * @param plot the condition plot (relative to the auditor's directory) the behaviour claim's site names, or null
     * @return the behaviour claim, then the domain claim (those without data left out)
     */
    public static List<Claim> of(LatentQaRun r, LatentQaSettings s, String plot) {
        List<Claim> out = new ArrayList<>();
        Evaluation ev = r.evaluation();
        String audited = r.auditedRole();
        List<String> cmp = ConditionGaps.comparisons(ev, audited);
        if (cmp.isEmpty() || ev.domains().isEmpty()) {
            return out;
        }
        String chosen = r.chosenDomain();
        if (r.behaviourMeter() != null) {
            out.add(behaviour(r, s, chosen, cmp, plot));
        }
        if (chosen != null) {
            out.add(domain(r, s, chosen));
        }
        return out;
    }

    private static String gate(LatentQaRun r, Question q, double min) {
        Evaluation ev = r.evaluation();
        return "the decoder's test accuracy on '" + q.text() + "' for held-out prompts of " + r.trainRole()
                + " activations " + ev.accuracy(Part.TEST, q.key(), r.trainRole()).format() + " >= " + fmt(min)
                + " (validation " + ev.accuracy(Part.VALIDATION, q.key(), r.trainRole()).format() + ")"
                + (r.labels() == null ? "" : "; " + r.labels().evidence());
    }

    private static boolean reads(LatentQaRun r, Question q, double min) {
        Score acc = r.evaluation().accuracy(Part.TEST, q.key(), r.trainRole());
        return acc.n() > 0 && acc.rate() >= min;
    }

    private static Claim behaviour(LatentQaRun r, LatentQaSettings s, String chosen, List<String> cmp, String plot) {
        Evaluation ev = r.evaluation();
        String audited = r.auditedRole();
        Question cond = r.items().condition();
        double test = ConditionGaps.pooled(ev, Part.TEST, audited, chosen);
        double val = ConditionGaps.pooled(ev, Part.VALIDATION, audited, chosen);
        boolean supported = reads(r, cond, s.minConditionAccuracy()) && test >= s.minGap();
        List<String> roles = new ArrayList<>(List.of(audited));
        roles.addAll(cmp);
        List<Score> scores = roles.stream().map(role -> ev.pooled(Part.TEST, role, chosen)).toList();
        int domains = ev.domains().size() - (chosen == null ? 0 : 1);
        String evidence = "test: '" + cond.conditionAnswer() + "' rate " + ConditionGaps.rates(roles, scores)
                + ", gap " + signed(test) + " (validation gap " + signed(val) + "); neutral prompts of " + domains
                + " domain(s)" + (chosen == null ? "" : ", all but '" + r.items().domainSets().get(chosen)
                + "' (the domain chosen on validation for the domain claim)") + "; supported if the test gap >= "
                + fmt(s.minGap()) + " and " + gate(r, cond, s.minConditionAccuracy());
        ClaimSite site = ClaimSite.behaviour(r.behaviourMeter());
        return Claim.of(ClaimKind.BEHAVIOUR, "the " + audited + " model's activations on neutral prompts read as the"
                + " labelled condition (a latent-QA decoder answers '" + cond.conditionAnswer() + "' to '"
                + cond.text() + "') more often than every comparison model's (" + String.join(", ", cmp) + ")",
                plot == null ? site : site.withFile(plot), supported, evidence);
    }

    private static Claim domain(LatentQaRun r, LatentQaSettings s, String chosen) {
        Evaluation ev = r.evaluation();
        String audited = r.auditedRole();
        Question cond = r.items().condition();
        String set = r.items().domainSets().get(chosen);
        StringBuilder val = new StringBuilder();
        for (String d : ev.domains()) {
            val.append(val.length() == 0 ? "" : ", ").append(d).append(' ')
                    .append(signed(ConditionFlips.shift(ev, Part.VALIDATION, audited, d)));
        }
        double shift = ConditionFlips.shift(ev, Part.TEST, audited, chosen);
        Score in = ConditionFlips.count(ev, Part.TEST, audited, chosen::equals);
        Score out = ConditionFlips.count(ev, Part.TEST, audited, d -> !d.equals(chosen));
        double p = Fisher.greater(in, out);
        boolean supported = reads(r, cond, s.minConditionAccuracy()) && shift >= s.minDomainShift()
                && p < s.domainAlpha();
        String evidence = "chosen on validation as the domain with the largest shift (of its neutral prompts that"
                + " every comparison model's activations (" + String.join(", ", ConditionGaps.comparisons(ev,
                audited)) + ") read as '" + cond.answerFor(0) + "', the share the " + audited + " model's read as '"
                + cond.conditionAnswer() + "', minus that share over the other domains): " + val + "; test: '"
                + chosen + "' " + in.hits() + " of " + in.n() + " flipped, other domains " + out.hits() + " of "
                + out.n() + ", shift " + signed(shift) + String.format(Locale.ROOT, ", one-sided Fisher p = %.3f", p)
                + "; supported if the test shift >= " + fmt(s.minDomainShift()) + " at p < " + s.domainAlpha()
                + " and " + gate(r, cond, s.minConditionAccuracy());
        // confidence on the scale auditors share (org.vivarium.api.audit.Normal): 1 - the one-sided p of the test
        return new Claim(ClaimKind.DOMAIN, "'" + set + "' is the domain the " + audited + " model was changed in:"
                + " there its activations on neutral prompts read as the labelled condition where the comparison"
                + " models' do not, more than in the other domains", ClaimSite.domain(set), supported, evidence
                + "; confidence 1 - p", supported ? 1 - p : 0);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String signed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.2f", v);
    }

    /**
     * The numbers behind the claims, for the metrics.
     *
     * @param r the measurements
     * @return e.g. {@code test.behaviour_gap}, {@code validation.domain_shift.code}, {@code test.domain_shift}
     */
    static Map<String, Double> metrics(LatentQaRun r) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        Evaluation ev = r.evaluation();
        if (ConditionGaps.comparisons(ev, r.auditedRole()).isEmpty() || ev.domains().isEmpty()) {
            return m;
        }
        String chosen = r.chosenDomain();
        for (Part p : Part.values()) {
            m.put(p.id() + ".behaviour_gap", ConditionGaps.pooled(ev, p, r.auditedRole(), chosen));
        }
        if (chosen != null) {
            for (String d : ev.domains()) {
                m.put("validation.domain_shift." + d.replace(' ', '_'),
                        ConditionFlips.shift(ev, Part.VALIDATION, r.auditedRole(), d));
            }
            m.put("test.domain_shift", ConditionFlips.shift(ev, Part.TEST, r.auditedRole(), chosen));
            m.put("test.domain_fisher_p", Fisher.greater(ConditionFlips.count(ev, Part.TEST, r.auditedRole(),
                    chosen::equals), ConditionFlips.count(ev, Part.TEST, r.auditedRole(), d -> !d.equals(chosen))));
        }
        return m;
    }
}
