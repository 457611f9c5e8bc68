package org.vivarium.plugin.lorainterp.audit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.plugin.lorainterp.analysis.LoraAnalysis;
import org.vivarium.plugin.lorainterp.analysis.TargetAnalysis;
import org.vivarium.plugin.lorainterp.report.LoraMetrics;
import org.vivarium.plugin.lorainterp.report.LoraTables;

/** Assembles the report section: claims, metrics, plots and a Markdown body with the tables. */
public final class LoraSection {
    /** The section title. */
    public static final String TITLE = "LoRA adapter interpretation";
    /** Contexts shown per input direction in the Markdown body. */
    static final int SHOWN_CONTEXTS = 5;

    private LoraSection() {
    }

    /**
     * Builds the section of an audit without an adapter.
     *
     * @param method the auditor's name
     * @return a section with one unsupported direction claim that says why
     */
    public static AuditSection noAdapter(String method) {
        return new AuditSection(method, TITLE, List.of(LoraClaims.noAdapter()), Map.of(), Map.of(),
                "The audited checkpoint has no LoRA adapter (it was not fine-tuned with LoRA, or the organism does not "
                        + "record its adapter), so there is nothing to interpret.");
    }

    /**
     * The section of a blind audit: no contrastive prompts to compare the adapter's directions with.
     *
     * @param method the auditor's name
     * @return the section, with one unsupported claim saying why
     */
    public static AuditSection blind(String method) {
        String why = "not measured: a blind audit gives no contrastive prompts to compare the adapter's output"
                + " directions with";
        return new AuditSection(method, TITLE, List.of(org.vivarium.api.audit.Claim.of(
                org.vivarium.api.audit.ClaimKind.DIRECTION, "no adapter direction claimed", org.vivarium.api.audit
                        .ClaimSite.NONE, false, why)), Map.of(), Map.of(), "Not measured in a blind audit: " + why
                + ".\n");
    }

    /**
     * Builds the section.
     *
     * @param method the auditor's name
     * @param a the analysis of the selection prompts
     * @param split the prompts
     * @param test the test-part cosines by weight
     * @param images plot files to captions
     * @param indexLine what happened to the contexts
     * @return the section
     */
    public static AuditSection build(String method, LoraAnalysis a, PromptSplit split,
            Map<String, TestCosines.Result> test, Map<String, String> images, String indexLine) {
        StringBuilder md = new StringBuilder();
        md.append("Prompts: the target's positive and negative prompts, split by `Split.of`. Everything below (the ")
                .append("tables, plots, contexts, the sign of each direction and the claim's coefficient) comes from the ")
                .append(split.describeSelection()).append("; the claims' cosines are measured on the ")
                .append(split.hasTest() ? split.describeTest() : "test part, of which there is none").append(".\n\n");
        md.append("Each adapted weight's update dW = scale * A B is decomposed exactly (QR of A and B^T, then SVD of ")
                .append("the r x r core). Output directions are compared with the contrastive mean difference ")
                .append("(positive minus negative prompts, mean over positions");
        a.contrastModel().ifPresent(m -> md.append(", ").append(m).append(" model"));
        md.append(") from ").append(a.positives()).append(" positive and ").append(a.negatives())
                .append(" negative prompts. Sign convention: each (input, output) direction pair is oriented so that the ")
                .append("output direction's cosine with the mean difference is positive when that cosine is above the ")
                .append("random-direction percentile, else so that the input direction's mean activation on positive ")
                .append("prompts is positive.\n\n");
        md.append("### Spectra\n\n").append(LoraTables.spectra(a)).append('\n');
        md.append("### Output directions\n\n").append(LoraTables.directions(a)).append('\n');
        String bySite = LoraTables.bySite(a);
        if (!bySite.isEmpty()) {
            md.append("Cosine with the mean difference at every residual site:\n\n").append(bySite).append('\n');
        }
        for (TargetAnalysis t : a.targets()) {
            t.unembed().ifPresent(u -> md.append("### Tokens promoted and suppressed by ").append(t.target())
                    .append("\n\n").append(LoraTables.tokens(u)).append('\n'));
        }
        md.append("### Input directions on the prompts\n\n").append(LoraTables.components(a)).append('\n');
        md.append(contexts(a.contexts())).append(indexLine).append('\n');
        Map<String, Double> metrics = new java.util.LinkedHashMap<>(LoraMetrics.of(a));
        int q = (int) Math.round(a.settings().nullQuantile() * 100);
        test.forEach((target, r) -> {
            metrics.put(target + ".cos_mean_diff_test", r.cosine());
            metrics.put(target + ".random_cos_p" + q + "_test", r.quantile());
        });
        return new AuditSection(method, TITLE, LoraClaims.of(a, split, test), metrics, images, md.toString());
    }

    private static String contexts(List<ContextRecord> records) {
        StringBuilder sb = new StringBuilder();
        Map<String, List<ContextRecord>> byFeature = records.stream().collect(Collectors.groupingBy(
                ContextRecord::feature, java.util.LinkedHashMap::new, Collectors.toList()));
        byFeature.forEach((feature, list) -> {
            sb.append("Top contexts of `").append(feature).append("` (firing token in brackets):\n\n");
            list.stream().limit(SHOWN_CONTEXTS).forEach(r -> sb.append(String.format(java.util.Locale.ROOT,
                    "- %.3f: `%s`%n", r.activation(), (r.text().substring(0, r.spanStart()) + "[" + r.firingToken() + "]"
                            + r.text().substring(r.spanEnd())).replace('\n', ' ').replace("`", "'"))));
            sb.append('\n');
        });
        return sb.toString();
    }
}
