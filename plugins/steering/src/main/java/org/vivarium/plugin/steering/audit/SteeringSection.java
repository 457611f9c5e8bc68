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

/** Assembles the steering part of an audit report: findings, metrics, tables and example continuations. */
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
     * @param images plot files to captions
     * @return the section
     */
    public static AuditSection build(SteeringOutcome o, String behaviour, Map<String, String> images) {
        return new AuditSection("steering", "Steering: contrastive activation addition and directional ablation",
                SteeringFindings.of(o, behaviour), metrics(o), images, markdown(o, behaviour));
    }

    static Map<String, Double> metrics(SteeringOutcome o) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("layer", (double) o.chosen().layer());
        m.put("direction_norm", o.chosen().norm());
        m.put("separation_auroc", o.chosen().separation().auroc());
        m.put("separation_cohens_d", o.chosen().separation().cohensD());
        m.put("clean_rate", o.cleanBaseline().rate());
        for (SweepPoint p : o.sweep()) {
            m.put("steer_rate_c" + SteeringFindings.coef(p.coefficient()), p.sample().rate());
            m.put("steer_coherence_c" + SteeringFindings.coef(p.coefficient()), p.sample().coherence());
            m.put("steer_loss_c" + SteeringFindings.coef(p.coefficient()), p.sample().loss());
        }
        m.put("steer_best_coefficient", o.strongestSteer().coefficient());
        m.put("steer_best_rate", o.strongestSteer().sample().rate());
        AblationResult a = o.ablation();
        m.put("triggered_rate", a.unablated().rate());
        m.put("ablated_rate", a.ablated().rate());
        m.put("random_ablated_rate", a.randomAblated().rate());
        m.values().removeIf(v -> v == null || !Double.isFinite(v));
        return m;
    }

    static String markdown(SteeringOutcome o, String behaviour) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Direction: mean %s-token residual of positive minus negative prompts "
                + "(fit on the even-indexed half), at `%s` (layer %d), chosen by %s. Coefficients multiply the raw "
                + "mean-difference vector (|v| = %.3f).%n%n", o.settings().position().id(), o.chosen().hook().path(),
                o.chosen().layer(), o.chosenBecause(), o.chosen().norm()));
        Table sites = Table.of("site", "norm", "held-out AUROC", "Cohen's d");
        for (LayerDirection d : o.directions()) {
            sites.row(d.hook().path(), d.norm(), d.separation().auroc(), d.separation().cohensD());
        }
        sb.append(MarkdownTable.of(sites).render()).append('\n');
        sb.append("Coherence proxies: the fraction of generated characters that are letters, digits, spaces or common "
                + "punctuation, and the unsteered model's loss on the generated tokens (higher = less like its own "
                + "text); the fluency rise scores the steered text after each prompt's condition-present twin against "
                + "the model's own condition-present continuations (only disfluency raises it).\n\n");
        Table sweep = Table.of("coefficient", behaviour, "coherence", "loss (nats/token)", "fluency rise", "n");
        for (SweepPoint p : o.sweep()) {
            sweep.row(p.coefficient(), p.sample().rate(), p.sample().coherence(), p.sample().loss(), o.lossRise(p),
                    p.sample().size());
        }
        sb.append(MarkdownTable.of(sweep).render()).append('\n');
        AblationResult a = o.ablation();
        Table abl = Table.of("condition", behaviour, "coherence", "loss (nats/token)", "n");
        row(abl, "triggered", a.unablated());
        row(abl, "triggered + direction ablated", a.ablated());
        row(abl, "triggered + random direction ablated", a.randomAblated());
        row(abl, "clean", o.cleanBaseline());
        sb.append(MarkdownTable.of(abl).render()).append('\n');
        Table ex = Table.of("condition", "prompt", "continuation");
        examples(ex, "clean, c=0", o.cleanBaseline());
        SweepPoint top = o.strongestSteer();
        examples(ex, "clean, c=" + SteeringFindings.coef(top.coefficient()), top.sample());
        examples(ex, "triggered", a.unablated());
        examples(ex, "triggered + ablated", a.ablated());
        sb.append(MarkdownTable.of(ex).render());
        return sb.toString();
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
