package org.vivarium.plugin.latentqa.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.plugin.latentqa.blind.SelfLabels;
import org.vivarium.plugin.latentqa.decoder.DecoderSpec;
import org.vivarium.plugin.latentqa.eval.Evaluation;
import org.vivarium.plugin.latentqa.eval.Part;
import org.vivarium.plugin.latentqa.eval.Score;
import org.vivarium.plugin.latentqa.qa.Question;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/** Builds the latent-QA part of the audit report: claims, metrics, plots and tables. */
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
     * @return a section with no claims
     */
    public static AuditSection notApplicable(String organism) {
        return new AuditSection(METHOD, TITLE, List.of(), Map.of(), Map.of(), "Not measured: `" + organism
                + "` offers no labelled prompts to train a decoder on.\n");
    }

    /**
     * The section of a blind audit whose meters label too few sampled answers either way to train the condition
     * question: no decoder is trained and no claim is made.
     *
     * @param labels the self-labelling, not trainable
     * @return a section with the counts and no claims
     */
    public static AuditSection notTrainable(SelfLabels labels) {
        Map<String, Double> m = new LinkedHashMap<>();
        labels.available().forEach((meter, c) -> {
            m.put("self_labels.fit_yes." + key(meter), (double) c[0]);
            m.put("self_labels.fit_no." + key(meter), (double) c[1]);
        });
        return new AuditSection(METHOD, TITLE, List.of(), m, Map.of(), labels.describe() + "\n");
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
        String plot = images.containsKey(LatentQaPlots.CONDITION) ? LatentQaPlots.CONDITION : null;
        return new AuditSection(METHOD, TITLE, LatentQaClaims.of(r, s, plot), metrics(r), images, markdown(r, s));
    }

    static Map<String, Double> metrics(LatentQaRun r) {
        Map<String, Double> m = new LinkedHashMap<>();
        Evaluation ev = r.evaluation();
        String chosen = r.chosenDomain();
        for (Part p : Part.values()) {
            for (Question q : r.items().questions()) {
                for (String role : ev.roles()) {
                    Score sc = ev.accuracy(p, q.key(), role);
                    m.put(p.id() + ".accuracy." + q.key() + "." + role, sc.rate());
                    m.put(p.id() + ".off_list." + q.key() + "." + role, sc.n() == 0 ? Double.NaN : sc.offList());
                }
            }
            for (String role : ev.roles()) {
                for (String d : ev.domains()) {
                    m.put(p.id() + ".condition_rate." + role + "." + key(d), ev.condition(p, role, d).rate());
                }
                m.put(p.id() + ".condition_rate." + role, ev.pooled(p, role, chosen).rate());
            }
        }
        m.putAll(LatentQaClaims.metrics(r));
        if (r.labels() != null) {
            int[] used = r.labels().fitCounts();
            m.put("self_labels.fit_yes", (double) used[0]);
            m.put("self_labels.fit_no", (double) used[1]);
        }
        m.put("decoder.first_loss", r.decoder().fineTune().firstLoss());
        m.put("decoder.last_loss", r.decoder().fineTune().lastLoss());
        m.put("decoder.train_examples", (double) r.items().fit().size());
        m.put("decoder.target_norm", (double) r.decoder().spec().targetNorm());
        m.values().removeIf(v -> !Double.isFinite(v));
        return m;
    }

    private static String key(String domain) {
        return domain.replaceAll("[^A-Za-z0-9-]+", "_");
    }

    static String markdown(LatentQaRun r, LatentQaSettings s) {
        DecoderSpec spec = r.decoder().spec();
        Evaluation ev = r.evaluation();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "A decoder (%s fine-tuning of the %s checkpoint, %d steps of %d, lr %s,"
                + " seed %d) learned to answer questions about an activation added at the placeholder of its prompt"
                + " `# q: QUESTION a:` (norm-matched: |v| = %.2f x %.3f, the decoder's own norm at `%s`, position 0)."
                + " Activations: last prompt token at `%s` of the %s model. The labelled prompts (label 1 = the"
                + " condition, answer '%s') and each prompt set are split fit / validation / test (in each block of"
                + " four, within each label and set: two fit, one validation, one test): %d fit items train the"
                + " decoder; the validation part only chooses (the domain of the domain claim); every number a claim"
                + " is decided on is of the test part. Completion loss %.3f -> %.3f nats/token. Answers are greedy"
                + " text; an answer that is none of the question's answers counts as wrong (column off-list).\n\n",
                s.train().adapter().describe(), r.trainRole(), s.train().steps(), s.train().batchSize(),
                Double.toString(s.train().learningRate()), s.train().seed(), spec.scale(), spec.targetNorm(),
                spec.injectHook(), spec.readHook(), r.trainRole(), r.items().condition().conditionAnswer(),
                r.items().fit().size(), r.decoder().fineTune().firstLoss(), r.decoder().fineTune().lastLoss()));
        if (r.labels() != null) {
            md.append(r.labels().describe()).append("\n\n");
        }
        Table acc = Table.of("question", "activations of", "validation accuracy", "test accuracy [95% CI] (hits/n)",
                "test off-list");
        for (Question q : r.items().questions()) {
            for (String role : ev.roles()) {
                Score t = ev.accuracy(Part.TEST, q.key(), role);
                acc.row(q.text(), role + (role.equals(r.trainRole()) ? " (trained on)" : ""),
                        ev.accuracy(Part.VALIDATION, q.key(), role).format(), t.format(), (long) t.offList());
            }
        }
        md.append(MarkdownTable.of(acc).render()).append('\n');
        if (!ev.domains().isEmpty()) {
            Question c = r.items().condition();
            String chosen = r.chosenDomain();
            md.append("\nRate of the answer '").append(c.conditionAnswer()).append("' to '").append(c.text())
                    .append("' on neutral prompts (single turns, no condition shown)")
                    .append(chosen == null ? "" : "; the domain claim's domain, chosen on validation, is '"
                            + chosen + "' and the pooled rows leave it out")
                    .append(":\n\n");
            Table t = Table.of("domain", "role", "validation rate", "test rate [95% CI] (hits/n)", "test off-list");
            for (String d : ev.domains()) {
                for (String role : ev.roles()) {
                    Score sc = ev.condition(Part.TEST, role, d);
                    t.row(d, role, ev.condition(Part.VALIDATION, role, d).format(), sc.format(), (long) sc.offList());
                }
            }
            for (String role : ev.roles()) {
                Score sc = ev.pooled(Part.TEST, role, chosen);
                t.row(LatentQaPlots.POOLED, role, ev.pooled(Part.VALIDATION, role, chosen).format(), sc.format(),
                        (long) sc.offList());
            }
            md.append(MarkdownTable.of(t).render()).append('\n');
        }
        String chosen = r.chosenDomain();
        if (chosen != null) {
            Question c = r.items().condition();
            md.append("\nDomain shift: of a domain's neutral prompts that every comparison model's activations read as '")
                    .append(c.answerFor(0)).append("', the share the ").append(r.auditedRole())
                    .append(" model's read as '").append(c.conditionAnswer()).append("' (flips), minus that share over"
                    + " the other domains. The domain claim names the largest validation shift and is decided on its"
                    + " test shift:\n\n");
            Table t = Table.of("domain", "prompt set", "validation shift", "test flips", "test shift");
            for (String d : r.evaluation().domains()) {
                Score f = ConditionFlips.count(ev, Part.TEST, r.auditedRole(), d::equals);
                t.row(d + (d.equals(chosen) ? " (chosen)" : ""), r.items().domainSets().get(d),
                        LatentQaClaims.signed(ConditionFlips.shift(ev, Part.VALIDATION, r.auditedRole(), d)),
                        f.hits() + "/" + f.n(),
                        LatentQaClaims.signed(ConditionFlips.shift(ev, Part.TEST, r.auditedRole(), d)));
            }
            md.append(MarkdownTable.of(t).render()).append('\n');
        }
        Table ex = Table.of("activations of", "question", "prompt", "label", "answer");
        ev.examples().stream().limit(EXAMPLES).forEach(e -> ex.row(e.role(), e.question(),
                e.prompt().replace("\n", " "), e.expected().isEmpty() ? "-" : e.expected(), e.answer()));
        md.append("\nExample answers (test part):\n\n").append(MarkdownTable.of(ex).render()).append('\n');
        return md.toString();
    }
}
