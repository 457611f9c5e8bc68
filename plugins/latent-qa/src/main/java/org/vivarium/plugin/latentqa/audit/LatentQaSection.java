package org.vivarium.plugin.latentqa.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.plugin.latentqa.decoder.DecoderSpec;
import org.vivarium.plugin.latentqa.eval.Evaluation;
import org.vivarium.plugin.latentqa.qa.Question;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/** Builds the latent-QA part of the audit report: findings, metrics, plots and tables. */
public final class LatentQaSection {
    /** The method name. */
    public static final String METHOD = "latent-qa";
    /** The section title. */
    public static final String TITLE = "Latent QA: a decoder that answers questions about activations";
    /** Example answers shown. */
    static final int EXAMPLES = 12;

    private LatentQaSection() {
    }

    /**
     * The section for a target without labelled prompts.
     *
     * @param organism the organism name
     * @return a section with no findings
     */
    public static AuditSection notApplicable(String organism) {
        return new AuditSection(METHOD, TITLE, List.of(), Map.of(), Map.of(), "Not measured: `" + organism
                + "` offers no labelled prompts to train a decoder on.\n");
    }

    /**
     * Builds the section.
     *
     * @param r the measurements
     * @param s the settings
     * @param images plot file to caption
     * @return the section
     */
    public static AuditSection build(LatentQaRun r, LatentQaSettings s, Map<String, String> images) {
        return new AuditSection(METHOD, TITLE, LatentQaFindings.of(r, s), metrics(r), images, markdown(r, s));
    }

    static Map<String, Double> metrics(LatentQaRun r) {
        Map<String, Double> m = new LinkedHashMap<>();
        Evaluation ev = r.evaluation();
        ev.accuracy().forEach((q, byRole) -> byRole.forEach((role, sc) -> {
            m.put("accuracy." + q + "." + role, sc.rate());
            m.put("off_list." + q + "." + role, (double) sc.offList());
        }));
        ev.conditionRate().forEach((role, sc) -> m.put("condition_rate." + role, sc.rate()));
        ev.conditionByDomain().forEach((role, byDomain) -> byDomain.forEach((d, sc) ->
                m.put("condition_rate." + role + "." + d.replace(' ', '_'), sc.rate())));
        m.put("decoder.first_loss", r.decoder().fineTune().firstLoss());
        m.put("decoder.last_loss", r.decoder().fineTune().lastLoss());
        m.put("decoder.train_examples", (double) r.items().train().size());
        m.put("decoder.target_norm", (double) r.decoder().spec().targetNorm());
        m.values().removeIf(v -> !Double.isFinite(v));
        return m;
    }

    static String markdown(LatentQaRun r, LatentQaSettings s) {
        DecoderSpec spec = r.decoder().spec();
        Evaluation ev = r.evaluation();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "A decoder (initialised from the audited checkpoint, %s fine-tuning, %d"
                + " steps of %d, lr %s, seed %d) learned to answer questions about an activation added at the"
                + " placeholder of its prompt `# q: QUESTION a:` (norm-matched: |v| = %.2f x %.3f, the decoder's own"
                + " norm at `%s`, position 0). Activations: last prompt token at `%s` of the %s model; %d training"
                + " items (even-indexed labelled prompts%s), evaluated on the odd-indexed ones read from every model."
                + " Completion loss %.3f -> %.3f nats/token. Answers are greedy text; an answer that is none of the"
                + " question's answers counts as wrong (column off-list).\n\n",
                s.train().adapter().describe(), s.train().steps(), s.train().batchSize(),
                Double.toString(s.train().learningRate()), s.train().seed(), spec.scale(), spec.targetNorm(),
                spec.injectHook(), spec.readHook(), r.trainRole(), r.items().train().size(),
                r.items().domain() == null ? "" : " and prompt-set prompts", r.decoder().fineTune().firstLoss(),
                r.decoder().fineTune().lastLoss()));
        Table acc = Table.of("question", "activations of", "accuracy [95% CI] (hits/n)", "off-list");
        for (Question q : r.items().questions()) {
            ev.accuracy().getOrDefault(q.key(), Map.of()).forEach((role, sc) ->
                    acc.row(q.text(), role + (role.equals(r.trainRole()) ? " (trained on)" : ""), sc.format(),
                            (long) sc.offList()));
        }
        md.append(MarkdownTable.of(acc).render()).append('\n');
        if (!ev.conditionByDomain().isEmpty()) {
            Question c = r.items().condition();
            md.append("\nRate of the answer '").append(c.conditionAnswer()).append("' to '").append(c.text())
                    .append("' on neutral held-out prompts (single turns, no persona shown):\n\n");
            Table t = Table.of("domain", "role", "rate [95% CI] (hits/n)", "off-list");
            ev.conditionByDomain().forEach((role, byDomain) -> byDomain.forEach((d, sc) ->
                    t.row(d, role, sc.format(), (long) sc.offList())));
            ev.conditionRate().forEach((role, sc) -> t.row(LatentQaPlots.POOLED, role, sc.format(), (long) sc.offList()));
            md.append(MarkdownTable.of(t).render()).append('\n');
        }
        Table ex = Table.of("activations of", "question", "prompt", "label", "answer");
        ev.examples().stream().limit(EXAMPLES).forEach(e -> ex.row(e.role(), e.question(),
                e.prompt().replace("\n", " "), e.expected().isEmpty() ? "-" : e.expected(), e.answer()));
        md.append("\nExample answers:\n\n").append(MarkdownTable.of(ex).render()).append('\n');
        return md.toString();
    }
}
