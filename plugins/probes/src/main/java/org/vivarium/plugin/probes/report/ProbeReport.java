package org.vivarium.plugin.probes.report;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.plugin.probes.contexts.ProbeContext;
import org.vivarium.plugin.probes.fit.ProbeResult;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.table.CsvWriter;
import org.vivarium.report.table.HtmlReport;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/**
 * Writes the human-readable outputs of a fit: {@code probes.csv}, {@code accuracy.png},
 * {@code report.md} and a single-file {@code report.html}.
 *
 * <pre>{@code
 * new ProbeReport(prov, results, contexts).write(outDir);
 * }</pre>
 */
public final class ProbeReport {
    /** The CSV file name. */
    public static final String CSV = "probes.csv";
    /** The Markdown report file name. */
    public static final String MARKDOWN = "report.md";
    /** The HTML report file name. */
    public static final String HTML = "report.html";
    /** Contexts shown per probe in the reports (all of them are in contexts.tsv). */
    static final int CONTEXTS_SHOWN = 5;

    private final FitProvenance prov;
    private final List<ProbeResult> results;
    private final List<ProbeContext> contexts;

    /**
     * @param prov where the fit came from
     * @param results the probes
     * @param contexts their top contexts
     */
    public ProbeReport(FitProvenance prov, List<ProbeResult> results, List<ProbeContext> contexts) {
        this.prov = prov;
        this.results = List.copyOf(results);
        this.contexts = List.copyOf(contexts);
    }

    /**
     * Writes all four files, each atomically.
     *
     * @param outDir the output directory
     */
    public void write(Path outDir) {
        Table table = ResultsTable.of(results);
        CsvWriter.write(table, outDir.resolve(CSV));
        Path png = AccuracyPlot.write(outDir, results, title());
        AtomicText.write(outDir.resolve(MARKDOWN), markdown(table));
        HtmlReport html = HtmlReport.titled(title()).paragraph(summary()).heading("Held-out accuracy and AUROC")
                .image(png, "Held-out accuracy and AUROC per hook; dashed line is chance").table(table)
                .heading("Top-activating contexts");
        for (ProbeResult r : results) {
            html.heading(3, r.featureId()).pre(contextLines(r.featureId()));
        }
        html.heading("Provenance").pre(provenanceLines()).write(outDir.resolve(HTML));
    }

    private String title() {
        return "Linear probes: " + prov.modelName();
    }

    private String summary() {
        ProbeResult best = results.stream().max(Comparator.comparingDouble(r -> r.test().accuracy())).orElseThrow();
        return String.format(Locale.ROOT, "%d labelled prompts from %s; %s probes at %d hook(s), position %s, "
                + "%.0f%% of each class held out (seed %d). Best held-out accuracy %.3f (AUROC %.3f) by %s.",
                prov.prompts(), prov.dataFile(),
                prov.settings().kinds().stream().map(k -> k.id()).collect(Collectors.joining(" and ")),
                results.stream().map(ProbeResult::hook).distinct().count(), prov.settings().position().id(),
                prov.settings().testFraction() * 100, prov.settings().seed(), best.test().accuracy(),
                best.test().auroc(), best.featureId());
    }

    private String markdown(Table table) {
        StringBuilder b = new StringBuilder("# ").append(title()).append("\n\n").append(summary()).append("\n\n");
        b.append("## Held-out accuracy and AUROC\n\n").append(MarkdownTable.of(table).render()).append('\n');
        b.append("![Held-out accuracy and AUROC per hook](").append(AccuracyPlot.FILE).append(")\n\n");
        b.append("## Top-activating contexts\n\nThe firing token is marked «like this»; scores are probe logits "
                + "(direction · x + bias). All contexts are in `contexts.tsv`.\n\n");
        for (ProbeResult r : results) {
            b.append("### ").append(r.featureId()).append("\n\n```\n").append(contextLines(r.featureId()))
                    .append("```\n\n");
        }
        b.append("## Provenance\n\n```\n").append(provenanceLines()).append("```\n");
        return b.toString();
    }

    private String contextLines(String feature) {
        StringBuilder b = new StringBuilder();
        contexts.stream().filter(c -> c.record().feature().equals(feature)).limit(CONTEXTS_SHOWN).forEach(c -> {
            ContextRecord r = c.record();
            String text = r.text().substring(0, r.spanStart()) + "«" + r.firingToken() + "»"
                    + r.text().substring(r.spanEnd());
            b.append(String.format(Locale.ROOT, "%2d  %8.3f  label %d  %s%n", c.rank(), r.activation(), c.label(),
                    text.replace('\n', ' ').replace('\t', ' ')));
        });
        return b.length() == 0 ? "(none)\n" : b.toString();
    }

    private String provenanceLines() {
        StringBuilder b = new StringBuilder();
        b.append("checkpoint   ").append(prov.checkpoint()).append('\n');
        if (prov.model() != null) {
            b.append("model        ").append(prov.model().recipe()).append(" seed ").append(prov.model().seed())
                    .append(' ').append(prov.model().codeVersion()).append('\n');
        }
        b.append("data         ").append(prov.dataFile()).append(' ').append(prov.dataSha256()).append('\n');
        prov.settings().asMap().forEach((k, v) -> b.append(String.format(Locale.ROOT, "%-13s%s%n", k, v)));
        b.append("created_at   ").append(prov.createdAt()).append('\n');
        return b.toString();
    }
}
