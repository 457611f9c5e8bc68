package org.vivarium.plugin.steering.audit;

import java.util.List;
import java.util.Locale;
import org.vivarium.api.audit.AuditFinding;
import org.vivarium.plugin.steering.generate.AblationResult;
import org.vivarium.plugin.steering.generate.BehaviourSample;
import org.vivarium.plugin.steering.generate.SweepPoint;

/**
 * Turns steering measurements into the two direction findings: adding the direction raises the behaviour
 * on clean prompts, and projecting it out lowers the behaviour on triggered prompts (beyond a random
 * control). Thresholds are written into the evidence.
 */
public final class SteeringFindings {
    /** The truth-card kind these findings speak to. */
    public static final String KIND = "direction";

    private SteeringFindings() {
    }

    /**
     * Builds the findings.
     *
     * @param o the measurements
     * @param behaviour the behaviour's name, e.g. {@code negative-sentiment rate}
     * @return the steering finding, then the ablation finding
     */
    public static List<AuditFinding> of(SteeringOutcome o, String behaviour) {
        return List.of(steer(o, behaviour), ablate(o, behaviour));
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
                + "loss on the text %.2f -> %.2f nats/token; supported if the rise is >= %.2f", "coefficient",
                coef(top.coefficient()), o.chosen().norm(), o.chosen().hook().path(), base.size(), base.rate(),
                top.sample().rate(), rise, base.loss(), top.sample().loss(), s.minEffect());
        return new AuditFinding(claim, rise >= s.minEffect(), evidence, KIND);
    }

    static AuditFinding ablate(SteeringOutcome o, String behaviour) {
        SteeringSettings s = o.settings();
        AblationResult a = o.ablation();
        double before = a.unablated().rate();
        double drop = before - a.ablated().rate();
        double randomShift = Math.abs(before - a.randomAblated().rate());
        boolean supported = drop >= s.minEffect() && randomShift <= s.maxRandomShare() * drop;
        String claim = String.format(Locale.ROOT, "projecting the direction out of triggered prompts lowers the %s "
                + "from %.2f to %.2f (random direction: %.2f)", behaviour, before, a.ablated().rate(),
                a.randomAblated().rate());
        String evidence = String.format(Locale.ROOT, "direction projected out of every hook_resid_pre and the last "
                + "hook_resid_post; %d held-out triggered prompts; drop %.2f, random equal-norm direction shift %.2f; "
                + "loss on the text %.2f (ablated) vs %.2f (none) nats/token; supported if the drop is >= %.2f and the "
                + "random shift is <= %.2f x the drop", a.unablated().size(), drop, randomShift, a.ablated().loss(),
                a.unablated().loss(), s.minEffect(), s.maxRandomShare());
        return new AuditFinding(claim, supported, evidence, KIND);
    }

    static String coef(double c) {
        return c == Math.rint(c) ? String.valueOf((long) c) : String.valueOf(c);
    }
}
