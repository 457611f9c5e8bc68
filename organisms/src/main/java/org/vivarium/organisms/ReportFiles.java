package org.vivarium.organisms;

import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.table.HtmlReport;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/**
 * Writes an organism check as {@code report.md}, {@code report.html} and {@code report.json} side by
 * side, with the same findings, tables and plots in each.
 */
public final class ReportFiles {
    private final String title;
    private final TruthCard card;
    private final List<String> findings = new ArrayList<>();
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final List<Object[]> tables = new ArrayList<>();
    private final List<String[]> images = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private boolean passed = true;

    /**
     * Starts a report.
     *
     * @param title heading
     * @param card the truth card being scored against
     */
    public ReportFiles(String title, TruthCard card) {
        this.title = title;
        this.card = card;
    }

    /**
     * Adds a scored finding.
     *
     * @param ok whether it matches the truth card
     * @param text what was measured
     * @return this
     */
    public ReportFiles finding(boolean ok, String text) {
        passed &= ok;
        findings.add((ok ? "PASS " : "FAIL ") + text);
        return this;
    }

    /**
     * Records a number.
     *
     * @param name metric name
     * @param value its value
     * @return this
     */
    public ReportFiles metric(String name, double value) {
        metrics.put(name, value);
        return this;
    }

    /**
     * Adds a table.
     *
     * @param caption heading above it
     * @param table the table
     * @return this
     */
    public ReportFiles table(String caption, Table table) {
        tables.add(new Object[] {caption, table});
        return this;
    }

    /**
     * Adds a plot already written into the report directory.
     *
     * @param file file name relative to the report
     * @param caption caption
     * @return this
     */
    public ReportFiles image(String file, String caption) {
        images.add(new String[] {file, caption});
        return this;
    }

    /**
     * Adds a structured value to the JSON only.
     *
     * @param key key
     * @param value any Gson-serialisable value
     * @return this
     */
    public ReportFiles json(String key, Object value) {
        extra.put(key, value);
        return this;
    }

    /** @return whether every finding passed */
    public boolean passed() {
        return passed;
    }

    /** @return findings so far */
    public List<String> findings() {
        return List.copyOf(findings);
    }

    /** @return metrics so far */
    public Map<String, Double> metrics() {
        return Map.copyOf(metrics);
    }

    /**
     * Writes the three files.
     *
     * @param dir report directory
     * @return the Markdown file
     */
    public Path write(Path dir) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append("**Verdict: ").append(passed ? "PASS" : "FAIL").append("** against the truth card of `")
                .append(card.organism()).append("`.\n\n## Findings\n\n");
        findings.forEach(f -> md.append("- ").append(f).append('\n'));
        md.append("\n## Truth card\n\n").append(card.summary()).append("\n\n");
        for (Planted p : card.planted()) {
            md.append("- **").append(p.id()).append("** (").append(p.kind().id()).append(") at `").append(p.location()).append("`: ")
                    .append(p.description()).append(' ').append(p.expected()).append('\n');
        }
        HtmlReport html = HtmlReport.titled(title).paragraph("Verdict: " + (passed ? "PASS" : "FAIL")
                + " against the truth card of " + card.organism() + ".").heading("Findings");
        Table ft = Table.of("verdict", "finding");
        findings.forEach(f -> ft.row(f.substring(0, 4), f.substring(5)));
        html.table(ft);
        for (Object[] t : tables) {
            md.append("\n## ").append(t[0]).append("\n\n").append(MarkdownTable.of((Table) t[1]).decimals(3).render());
            html.heading((String) t[0]).table((Table) t[1]);
        }
        for (String[] im : images) {
            md.append("\n![").append(im[1]).append("](").append(im[0]).append(")\n");
            html.image(dir.resolve(im[0]), im[1]);
        }
        html.heading("Truth card").paragraph(card.summary());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("organism", card.organism());
        json.put("passed", passed);
        json.put("findings", findings);
        json.put("metrics", metrics);
        json.put("truth_card", card);
        json.putAll(extra);
        Path mdFile = dir.resolve("report.md");
        AtomicText.write(mdFile, md.toString());
        html.write(dir.resolve("report.html"));
        AtomicText.write(dir.resolve("report.json"),
                new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(json));
        return mdFile;
    }
}
