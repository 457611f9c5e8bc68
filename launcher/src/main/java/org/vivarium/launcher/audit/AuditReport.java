package org.vivarium.launcher.audit;

import com.google.gson.GsonBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.AuditFinding;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.organism.Planted;
import org.vivarium.api.organism.TruthCard;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.table.HtmlReport;
import org.vivarium.report.table.Table;

/**
 * Assembles auditor sections into {@code report.md}, {@code report.html} and {@code report.json}, and
 * scores them against the truth card: a planted property counts as found when at least one auditor
 * reports a supported finding of its kind.
 */
final class AuditReport {
    private final String organism;
    private final TruthCard card;
    private final List<AuditSection> sections = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final List<String> checkFindings = new ArrayList<>();

    AuditReport(String organism, TruthCard card) {
        this.organism = organism;
        this.card = card;
    }

    void add(AuditSection s) {
        sections.add(s);
    }

    void failed(String auditor, String message) {
        failures.put(auditor, message);
    }

    void organismCheck(List<String> findings) {
        checkFindings.addAll(findings);
    }

    /** @return planted kind to whether some auditor supported it */
    Map<String, Boolean> score() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Planted p : card.planted()) {
            boolean found = false;
            for (AuditSection s : sections) {
                for (AuditFinding f : s.findings()) {
                    found |= f.supported() && p.kind().equals(f.truthCardKind());
                }
            }
            out.put(p.kind(), found);
        }
        return out;
    }

    Path write(Path dir) {
        Map<String, Boolean> score = score();
        long found = score.values().stream().filter(b -> b).count();
        StringBuilder md = new StringBuilder("# Audit of `").append(organism).append("`\n\n");
        md.append(String.format("Truth-card score: **%d of %d** planted properties found by the installed methods.%n%n",
                found, score.size()));
        Table scoreTable = Table.of("planted", "location", "found by a method");
        for (Planted p : card.planted()) {
            scoreTable.row(p.kind(), p.location(), score.get(p.kind()) ? "yes" : "no");
            md.append("- **").append(p.kind()).append("** (").append(p.location()).append("): ")
                    .append(score.get(p.kind()) ? "found" : "not found").append(" — ").append(p.description()).append('\n');
        }
        if (!checkFindings.isEmpty()) {
            md.append("\n## Organism self-check\n\n");
            checkFindings.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        HtmlReport html = HtmlReport.titled("Audit of " + organism)
                .paragraph("Truth-card score: " + found + " of " + score.size() + " planted properties found.")
                .table(scoreTable);
        for (AuditSection s : sections) {
            md.append("\n## ").append(s.title()).append(" (`").append(s.method()).append("`)\n\n");
            html.heading(s.title() + " (" + s.method() + ")");
            Table ft = Table.of("supported", "claim", "evidence");
            for (AuditFinding f : s.findings()) {
                md.append("- ").append(f.supported() ? "SUPPORTED" : "NOT SUPPORTED").append(": ").append(f.claim())
                        .append(" — ").append(f.evidence()).append('\n');
                ft.row(f.supported() ? "yes" : "no", f.claim(), f.evidence());
            }
            html.table(ft);
            if (!s.markdown().isBlank()) {
                md.append('\n').append(s.markdown()).append('\n');
                html.pre(s.markdown());
            }
            for (Map.Entry<String, String> im : s.images().entrySet()) {
                String rel = s.method() + "/" + im.getKey();
                md.append("\n![").append(im.getValue()).append("](").append(rel).append(")\n");
                Path png = dir.resolve(rel);
                if (Files.isRegularFile(png)) {
                    html.image(png, im.getValue());
                }
            }
        }
        if (!failures.isEmpty()) {
            md.append("\n## Auditors that failed\n\n");
            html.heading("Auditors that failed");
            failures.forEach((k, v) -> md.append("- `").append(k).append("`: ").append(v).append('\n'));
            Table t = Table.of("auditor", "error");
            failures.forEach(t::row);
            html.table(t);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("organism", organism);
        json.put("truth_card_score", score);
        json.put("sections", sections);
        json.put("failures", failures);
        json.put("organism_check", checkFindings);
        json.put("truth_card", card);
        AtomicText.write(dir.resolve("report.md"), md.toString());
        html.write(dir.resolve("report.html"));
        AtomicText.write(dir.resolve("report.json"), new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
                .create().toJson(json));
        return dir.resolve("report.md");
    }
}
