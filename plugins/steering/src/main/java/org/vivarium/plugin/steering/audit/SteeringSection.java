package org.vivarium.plugin.steering.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.plugin.steering.direction.LayerDirection;
import org.vivarium.plugin.steering.generate.AblationResult;
import org.vivarium.plugin.steering.generate.BehaviourSample;
import org.vivarium.plugin.steering.generate.SweepPoint;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/**
 * Assembles the steering part of an audit report: claims, metrics, tables and example continuations. Metric
 * names starting with {@code val_} are validation numbers (used to choose); the others are test numbers (used to
 * report), apart from the split sizes and the chosen site.
 */
public final class SteeringSection {
    private static final int EXAMPLES = 2;
    private static final int EXAMPLE_CHARS = 80;

    private SteeringSection() {
    }

    /**
     * Builds the section.
     *
     * @param o the measurements
     * @param behaviour the behaviour's name
     * @param directionFile the direction file written, relative to the out dir
     * @param images plot files to captions
     * @return the section
     */
    public static AuditSection build(SteeringOutcome o, String behaviour, String directionFile,
            Map<String, String> images) {
        return new AuditSection("steering", "Steering: contrastive activation addition and directional ablation",
                SteeringClaims.of(o, behaviour, directionFile), metrics(o), images, markdown(o, behaviour));
    }

    static Map<String, Double> metrics(SteeringOutcome o) {
        Map<String, Double> m = new LinkedHashMap<>();
        PairedSplit p = o.parts();
        m.put("split_fit", (double) p.split().fitIdx().length);
        m.put("split_validation", (double) p.split().validationIdx().length);
        m.put("split_test", (double) p.split().testIdx().length);
        m.put("layer", (double) o.chosen().layer());
        m.put("coefficient", o.coefficient());
        m.put("direction_norm", o.chosen().norm());
        m.put("separation_auroc", o.chosen().separation().auroc());
        m.put("separation_cohens_d", o.chosen().separation().cohensD());
        ValidationSweep v = o.validation();
        m.put("val_clean_rate", v.clean().rate());
        m.put("val_triggered_rate", v.triggered().rate());
        for (SiteSweep s : v.sites()) {
            for (SweepPoint pt : s.points()) {
                String key = "_L" + s.direction().layer() + "_c" + SteeringClaims.coef(pt.coefficient());
                m.put("val_rate" + key, pt.sample().rate());
                m.put("val_loss_rise" + key, v.lossRise(pt));
            }
        }
        m.put("val_best_rate", v.point().sample().rate());
        m.put("val_best_rise", v.rise(v.point()));
        TestMeasurement t = o.test();
        m.put("clean_rate", t.clean().rate());
        m.put("steer_best_coefficient", o.coefficient());
        m.put("steer_best_rate", t.steered().sample().rate());
        m.put("steer_rise", t.rise());
        m.put("steer_loss_rise", t.lossRise());
        m.put("steer_coherence", t.steered().sample().coherence());
        AblationResult a = t.ablation();
        m.put("triggered_rate", a.unablated().rate());
        m.put("behaviour_gap", t.gap());
        m.put("ablated_rate", a.ablated().rate());
        m.put("random_ablated_rate", a.randomAblated().rate());
        m.put("ablation_drop", t.ablationDrop());
        m.put("ablation_random_shift", t.randomShift());
        m.put("ablation_loss_rise", t.ablationLossRise());
        t.coherentRates().forEach((k, x) -> m.put("coherent_rate_" + k, x));
        m.values().removeIf(x -> x == null || !Double.isFinite(x));
        return m;
    }

    static String markdown(SteeringOutcome o, String behaviour) {
        StringBuilder sb = new StringBuilder();
        sb.append(SteeringClaims.split(o)).append(" Directions are fitted on the fit part; the site and coefficient "
                + "are chosen on the validation part; every reported rate is from the test part.\n\n");
        sb.append(String.format(Locale.ROOT, "Chosen on validation: `%s` (site %d) at coefficient %s: the raw "
                + "position-mean difference (|v| = %.3f) times the coefficient, added at every position.%n%n",
                o.chosen().hook().path(), o.chosen().layer(), SteeringClaims.coef(o.coefficient()), o.chosen().norm()));
        Table sites = Table.of("site", "last-token |v|", "last-token test AUROC", "position-mean |v|",
                "position-mean test AUROC", "position-mean Cohen's d");
        for (int i = 0; i < o.meanDirections().size(); i++) {
            LayerDirection m = o.meanDirections().get(i);
            LayerDirection l = i < o.directions().size() ? o.directions().get(i) : m;
            sites.row(m.hook().path(), l.norm(), l.separation().auroc(), m.norm(), m.separation().auroc(),
                    m.separation().cohensD());
        }
        sb.append(MarkdownTable.of(sites).render()).append('\n');
        sb.append("Coherence proxies: the fraction of generated characters that are letters, digits, spaces or common "
                + "punctuation, and the unsteered model's loss on the generated tokens; the fluency rise scores the "
                + "steered text after each prompt's condition-present twin against the model's own condition-present "
                + "continuations (only disfluency raises it; at most " + Fluency.MAX_LOSS_RISE + " counts as fluent)."
                + "\n\n");
        sb.append(validationTable(o, behaviour)).append('\n');
        sb.append(testTable(o, behaviour)).append('\n');
        Table ex = Table.of("condition (test)", "prompt", "continuation");
        TestMeasurement t = o.test();
        examples(ex, "condition-absent, c=0", t.clean());
        examples(ex, "condition-absent, c=" + SteeringClaims.coef(o.coefficient()), t.steered().sample());
        examples(ex, "condition-present", t.triggered());
        examples(ex, "condition-present + ablated", t.ablation().ablated());
        sb.append(MarkdownTable.of(ex).render());
        return sb.toString();
    }

    private static String validationTable(SteeringOutcome o, String behaviour) {
        ValidationSweep v = o.validation();
        Table sweep = Table.of("site (validation)", "coefficient", behaviour, "coherence", "loss (nats/token)",
                "fluency rise", "n", "chosen");
        sweep.row("none", 0.0, v.clean().rate(), v.clean().coherence(), v.clean().loss(), 0.0, v.clean().size(), "");
        for (SiteSweep s : v.sites()) {
            for (SweepPoint p : s.points()) {
                sweep.row(s.direction().hook().path(), p.coefficient(), p.sample().rate(), p.sample().coherence(),
                        p.sample().loss(), v.lossRise(p), p.sample().size(), p == v.point() ? "*" : "");
            }
        }
        return MarkdownTable.of(sweep).render();
    }

    private static String testTable(SteeringOutcome o, String behaviour) {
        TestMeasurement t = o.test();
        AblationResult a = t.ablation();
        Table test = Table.of("condition (test)", behaviour, "coherence", "loss (nats/token)", "n");
        row(test, "condition-absent", t.clean());
        row(test, "condition-absent + " + SteeringClaims.coef(o.coefficient()) + " x direction at "
                + o.chosen().hook().path(), t.steered().sample());
        row(test, "condition-present", a.unablated());
        row(test, "condition-present + attention directions clamped", a.ablated());
        row(test, "condition-present + random directions clamped", a.randomAblated());
        String coherent = SteeringClaims.coherence(t);
        return MarkdownTable.of(test).render() + (coherent.isEmpty() ? "" : "\n" + coherent.trim() + "\n");
    }

    private static void row(Table t, String name, BehaviourSample s) {
        t.row(name, s.rate(), s.coherence(), s.loss(), s.size());
    }

    private static void examples(Table t, String name, BehaviourSample s) {
        List<String> c = s.continuations();
        for (int i = 0; i < Math.min(EXAMPLES, c.size()); i++) {
            t.row(name, clip(s.prompts().get(i)), clip(c.get(i)));
        }
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= EXAMPLE_CHARS ? one : one.substring(0, EXAMPLE_CHARS) + "...";
    }
}
