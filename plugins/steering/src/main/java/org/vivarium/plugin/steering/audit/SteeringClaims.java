package org.vivarium.plugin.steering.audit;

import java.util.List;
import java.util.Locale;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.generate.BehaviourSample;
import org.vivarium.plugin.steering.generate.SweepPoint;

/**
 * Turns steering measurements into claims:
 * <ul>
 *   <li>{@link ClaimKind#DIRECTION}: adding the chosen coefficient times the raw position-mean difference at the
 *       chosen hook raises the behaviour on condition-absent prompts. The site holds exactly the vector and scale
 *       the sweep added. Supported if, on the test part, the rise is at least {@code minEffect} and the text
 *       stays fluent ({@link Fluency}). Confidence {@code min(1, rise / (2 x minEffect))} (0 if the rise is
 *       negative or the text is not fluent), so a supported claim has confidence at least 0.5. The
 *       attention-output ablation is reported in this claim's evidence (it clamps every layer's attention
 *       output, which no single site names, so it is not a claim of its own).</li>
 *   <li>{@link ClaimKind#BEHAVIOUR}: with no intervention the organism's meter reads higher on condition-present
 *       than on condition-absent test prompts. Supported if the gap is at least {@code minEffect}; confidence
 *       {@code min(1, gap / (2 x minEffect))}, at least 0.</li>
 * </ul>
 * Every number says which split part it was measured on.
 */
public final class SteeringClaims {
    private SteeringClaims() {
    }

    /**
     * Builds the claims.
     *
     * @param o the measurements
     * @param behaviour the behaviour meter's name, e.g. {@code negative-sentiment rate}
     * @param file the direction file written, relative to the auditor's out dir
     * @return the direction claim, then the behaviour claim
     */
    public static List<Claim> of(SteeringOutcome o, String behaviour, String file) {
        return List.of(direction(o, behaviour, file), behaviour(o, behaviour));
    }

    /**
     * The direction claim.
     *
     * @param o the measurements
     * @param behaviour the meter's name
     * @param file the direction file, relative to the out dir
     * @return the claim
     */
    public static Claim direction(SteeringOutcome o, String behaviour, String file) {
        SteeringSettings s = o.settings();
        TestMeasurement t = o.test();
        LayerDirection d = o.chosen();
        String c = coef(o.coefficient());
        String statement = String.format(Locale.ROOT, "adding the direction at %s (x %s) to condition-absent prompts "
                + "raises the %s from %.2f to %.2f on held-out test prompts", d.hook().path(), c, behaviour,
                t.clean().rate(), t.steered().sample().rate());
        String evidence = split(o) + " " + selection(o) + " " + String.format(Locale.ROOT, "Test (%d condition-absent "
                + "prompts, never used to fit or choose): rate %.2f -> %.2f at c=%s (rise %+.2f), fluency loss rise "
                + "%+.2f nats/token%s; supported if the test rise is >= %.2f, the loss rise <= %.1f (and the answers stay coherent, below). Confidence = "
                + "min(1, test rise / %.2f). ", t.clean().size(), t.clean().rate(), t.steered().sample().rate(), c,
                t.rise(), t.lossRise(), Double.isNaN(t.steered().lossGivenTwin()) ? ""
                        : " (steered text scored after each prompt's condition-present twin)",
                s.minEffect(), Fluency.MAX_LOSS_RISE, 2 * s.minEffect()) + coherence(t) + ablation(o);
        ClaimSite site = ClaimSite.direction(d.hook().path(), d.vector(), (float) o.coefficient()).withFile(file);
        double conf = Fluency.fluent(t.lossRise()) && o.coherent() ? clamp(t.rise() / (2 * s.minEffect())) : 0;
        return new Claim(ClaimKind.DIRECTION, statement, site, o.steeringHolds(), evidence, conf);
    }

    /**
     * The behaviour claim.
     *
     * @param o the measurements
     * @param behaviour the meter's name
     * @return the claim
     */
    public static Claim behaviour(SteeringOutcome o, String behaviour) {
        TestMeasurement t = o.test();
        BehaviourSample clean = t.clean();
        BehaviourSample triggered = t.triggered();
        double gap = t.gap();
        double min = o.settings().minEffect();
        String statement = String.format(Locale.ROOT, "with no intervention the %s is higher on condition-present "
                + "than on condition-absent prompts: %.2f vs %.2f on held-out test prompts", behaviour,
                triggered.rate(), clean.rate());
        String evidence = String.format(Locale.ROOT, "%s Test: the audited model's own continuations (no hook) of %d "
                + "condition-present and %d condition-absent test prompts, scored by the organism's meter: %.2f vs "
                + "%.2f, gap %+.2f (validation, for reference: %.2f vs %.2f); supported if the test gap is >= %.2f. "
                + "Confidence = min(1, gap / %.2f).", split(o), triggered.size(), clean.size(), triggered.rate(),
                clean.rate(), gap, o.validation().triggered().rate(), o.validation().clean().rate(), min, 2 * min);
        return new Claim(ClaimKind.BEHAVIOUR, statement, ClaimSite.behaviour(behaviour), gap >= min, evidence,
                clamp(gap / (2 * min)));
    }

    static String split(SteeringOutcome o) {
        PairedSplit p = o.parts();
        return String.format(Locale.ROOT, "Split.of(%d) over the index-paired prompts: fit %d / validation %d / "
                + "test %d pairs (at most %d validation and %d test prompts per set continued).", p.size(),
                p.split().fitIdx().length, p.split().validationIdx().length, p.split().testIdx().length,
                p.max(), p.max());
    }

    static String selection(SteeringOutcome o) {
        ValidationSweep v = o.validation();
        SweepPoint best = v.point();
        int coefficients = v.sites().get(0).points().size();
        return String.format(Locale.ROOT, "Selection (validation, %d condition-absent prompts, unsteered rate %.2f): "
                + "the raw position-mean difference (fit part) of each of %d residual sites added at every position "
                + "x each of %d coefficients; chosen: the highest rate whose fluency loss rise is <= %.1f nats/token, "
                + "%s at c=%s (|v| = %.3f): rate %.2f (rise %+.2f, loss rise %+.2f).", v.clean().size(),
                v.clean().rate(), v.sites().size(), coefficients, Fluency.MAX_LOSS_RISE, o.chosen().hook().path(),
                coef(best.coefficient()), o.chosen().norm(), best.sample().rate(), v.rise(best), v.lossRise(best));
    }

    static String coherence(TestMeasurement t) {
        if (t.coherentRates().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "The organism's coherence meter on the test"
                + " continuations (the steered answers must stay >= %.2f coherent and lose at most %.2f for support):",
                SteeringOutcome.MIN_COHERENT, SteeringOutcome.MAX_COHERENCE_DROP));
        String sep = " ";
        for (var e : t.coherentRates().entrySet()) {
            sb.append(sep).append(String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()));
            sep = ", ";
        }
        return sb.append(". ").toString();
    }

    static String ablation(SteeringOutcome o) {
        TestMeasurement t = o.test();
        SteeringSettings s = o.settings();
        var a = t.ablation();
        return String.format(Locale.ROOT, "Ablation (test, %d condition-present prompts; reported, not part of this "
                + "claim's support): every layer's hook_attn_out clamped along its own fit-part position-mean "
                + "direction to the clean mean: rate %.2f -> %.2f, random equal-norm directions %.2f (drop %.2f, "
                + "random shift %.2f, fluency loss rise %+.2f nats/token); it %s the ablation criteria (drop >= %.2f, "
                + "random shift <= %.2f x drop, loss rise <= %.1f).", a.unablated().size(), a.unablated().rate(),
                a.ablated().rate(), a.randomAblated().rate(), t.ablationDrop(), t.randomShift(), t.ablationLossRise(),
                t.ablationHolds(s) ? "meets" : "misses", s.minEffect(), s.maxRandomShare(), Fluency.MAX_LOSS_RISE);
    }

    static String coef(double c) {
        return c == Math.rint(c) ? String.valueOf((long) c) : String.valueOf(c);
    }

    private static double clamp(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }
}
