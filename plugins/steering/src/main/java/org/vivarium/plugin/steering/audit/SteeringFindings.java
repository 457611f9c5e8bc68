package org.vivarium.plugin.steering.audit;

import java.util.List;
import java.util.Locale;
import org.vivarium.api.audit.AuditFinding;
import org.vivarium.plugin.steering.generate.AblationResult;
import org.vivarium.plugin.steering.generate.BehaviourSample;
import org.vivarium.plugin.steering.generate.SweepPoint;

/**
 * Turns steering measurements into findings: the two direction findings (adding the direction raises the behaviour
 * on clean prompts; projecting it out lowers the behaviour on triggered prompts, beyond a random control) and the
 * behaviour finding the unsteered baselines already measure (triggered prompts show the behaviour, clean ones do
 * not). Thresholds are written into the evidence.
 */
public final class SteeringFindings {
    /** The truth-card kind these findings speak to. */
    public static final String KIND = "direction";
    /** The truth-card kind of the behaviour finding. */
    public static final String BEHAVIOUR_KIND = "behaviour";

    /**
     * An ablation that raises the unablated model's loss on the generated text by more than this many
     * nats/token has broken the model rather than removed the behaviour, and does not support the claim.
     */
    public static final double MAX_LOSS_RISE = 1.0;

    private SteeringFindings() {
    }

    /**
     * Builds the findings.
     *
     * @param o the measurements
     * @param behaviour the behaviour's name, e.g. {@code negative-sentiment rate}
     * @return the steering finding, the ablation finding, then the behaviour finding
     */
    public static List<AuditFinding> of(SteeringOutcome o, String behaviour) {
        return List.of(steer(o, behaviour), ablate(o, behaviour), behaviour(o, behaviour));
    }

    static AuditFinding behaviour(SteeringOutcome o, String behaviour) {
        BehaviourSample clean = o.cleanBaseline();
        BehaviourSample triggered = o.ablation().unablated();
        double gap = triggered.rate() - clean.rate();
        String claim = String.format(Locale.ROOT, "with no intervention the %s is higher on triggered prompts than on "
                + "clean ones: %.2f vs %.2f", behaviour, triggered.rate(), clean.rate());
        String evidence = String.format(Locale.ROOT, "the audited model's own continuations (no hook) of %d held-out "
                + "triggered and %d held-out clean prompts, scored by the organism's meter; gap %+.2f; supported if the "
                + "gap is >= %.2f", triggered.size(), clean.size(), gap, o.settings().minEffect());
        return new AuditFinding(claim, gap >= o.settings().minEffect(), evidence, BEHAVIOUR_KIND);
    }

    static AuditFinding steer(SteeringOutcome o, String behaviour) {
        SteeringSettings s = o.settings();
        BehaviourSample base = o.cleanBaseline();
        SweepPoint top = o.strongestSteer();
        double rise = top.sample().rate() - base.rate();
        String claim = String.format(Locale.ROOT, "adding the direction to clean prompts raises the %s from %.2f to "
                + "%.2f at coefficient %s", behaviour, base.rate(), top.sample().rate(), coef(top.coefficient()));
        String evidence = String.format(Locale.ROOT, "%s = %s x the raw mean-difference vector (|v| = %.3f) added at "
                + "%s at every position; %d held-out clean prompts; rate %.2f -> %.2f (rise %+.2f); unsteered model's "
                + "loss on the text %.2f -> %.2f nats/token (fluency: loss rise %+.2f%s); the strongest coefficient whose "
                + "loss rises by <= %.1f is reported; supported if the rise is >= %.2f and the text stays that fluent",
                "coefficient", coef(top.coefficient()), o.chosen().norm(), o.chosen().hook().path(), base.size(),
                base.rate(), top.sample().rate(), rise, base.loss(), top.sample().loss(), o.lossRise(top),
                Double.isNaN(top.lossGivenTwin()) ? "" : ", scored after each prompt's condition-present twin",
                MAX_LOSS_RISE, s.minEffect());
        boolean fluent = !(o.lossRise(top) > MAX_LOSS_RISE);
        return new AuditFinding(claim, rise >= s.minEffect() && fluent, evidence, KIND);
    }

    static AuditFinding ablate(SteeringOutcome o, String behaviour) {
        SteeringSettings s = o.settings();
        AblationResult a = o.ablation();
        double before = a.unablated().rate();
        double drop = before - a.ablated().rate();
        double randomShift = Math.abs(before - a.randomAblated().rate());
        boolean twins = !Double.isNaN(a.ablatedLossGivenClean());
        double cleanLoss = o.cleanBaseline().loss();
        double lossRise = twins ? a.ablatedLossGivenClean() - cleanLoss : a.ablated().loss() - a.unablated().loss();
        boolean supported = drop >= s.minEffect() && randomShift <= s.maxRandomShare() * drop
                && lossRise <= MAX_LOSS_RISE;
        String claim = String.format(Locale.ROOT, "ablating the direction in triggered prompts lowers the %s from "
                + "%.2f to %.2f (random direction: %.2f)", behaviour, before, a.ablated().rate(),
                a.randomAblated().rate());
        String fluency = twins ? String.format(Locale.ROOT, "unsteered model's loss on the ablated text after the "
                + "clean twin prompt %.2f vs %.2f on its own clean answers", a.ablatedLossGivenClean(), cleanLoss)
                : String.format(Locale.ROOT, "unsteered model's loss on the text %.2f (ablated) vs %.2f (none)",
                        a.ablated().loss(), a.unablated().loss());
        String evidence = String.format(Locale.ROOT, "at every layer's hook_attn_out and every position, the component "
                + "along that layer's position-mean difference direction clamped to the clean prompts' mean; %d "
                + "held-out triggered prompts; drop %.2f, random equal-norm directions shift %.2f; %s nats/token; "
                + "supported if the drop is >= %.2f, the random shift is <= %.2f x the drop and the loss rises by "
                + "<= %.1f (the text stays fluent)", a.unablated().size(), drop, randomShift, fluency, s.minEffect(),
                s.maxRandomShare(), MAX_LOSS_RISE);
        return new AuditFinding(claim, supported, evidence, KIND);
    }

    static String coef(double c) {
        return c == Math.rint(c) ? String.valueOf((long) c) : String.valueOf(c);
    }
}
