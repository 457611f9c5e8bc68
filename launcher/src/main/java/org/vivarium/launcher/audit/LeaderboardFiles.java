package org.vivarium.launcher.audit;

import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.organisms.score.ClaimVerdict;
import org.vivarium.report.io.AtomicText;
import org.vivarium.report.plot.BarPlot;
import org.vivarium.report.table.HtmlReport;
import org.vivarium.report.table.MarkdownTable;
import org.vivarium.report.table.Table;

/**
 * Writes a {@link Leaderboard} as {@code leaderboard.md}, {@code .html}, {@code .json} and {@code .png} (found rate
 * per method and claim kind, with Wilson 95% error bars).
 */
final class LeaderboardFiles {
    private LeaderboardFiles() {
    }

    /**
     * Writes the four files.
     *
     * @param dir the benchmark directory
     * @param lb the leaderboard
     * @return the Markdown file
     */
    static Path write(Path dir, Leaderboard lb) {
        Path png = dir.resolve("leaderboard.png");
        chart(lb).write(png);
        RunHeader h = lb.header();
        String title = "Blind-audit leaderboard: " + lb.organism();
        List<String> about = List.of("command: `" + h.command() + "`",
                "seeds: " + h.seeds() + "; training steps: " + (h.steps() == 0 ? "the organism's default" : h.steps()),
                "code version: " + h.codeVersion() + "; started " + h.startedAt(),
                String.format(Locale.ROOT, "load average (1 min): %.2f at the start, %.2f at the end", h.loadStart(),
                        h.loadEnd()),
                String.format(Locale.ROOT, "wall time: %.1f min, of which training (or reusing) the organisms %.1f"
                        + " min", h.wallSeconds() / 60, h.prepareSeconds() / 60),
                "threads: " + h.threads());
        String note = "A cell is the seeds where a claim of that kind by that method passed the host scorer's own"
                + " measurement, of the seeds whose (sealed, then unsealed) truth card plants that kind, with the 95%"
                + " Wilson interval. Auditors got the blind target: no labelled prompts and no truth card.";
        Table found = foundTable(lb);
        Table planted = Table.of("planted", "kind", "seeds", "found by any method", "found by the investigator");
        lb.planted().forEach(p -> planted.row(p.id(), p.kind().id(), p.seeds(), p.byAnyMethod(), p.byInvestigator()));
        Table perSeed = Table.of("seed", "run", "report", "verified claims", "false claims", "failed auditors");
        for (SeedResult s : lb.seeds()) {
            perSeed.row(s.seed(), s.run().toString(), s.report().toString(),
                    s.verdicts().stream().filter(ClaimVerdict::verified).count(),
                    s.verdicts().stream().filter(ClaimVerdict::falseClaim).count(),
                    s.failures().isEmpty() ? "none" : String.join(", ", s.failures().keySet()));
        }
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        about.forEach(a -> md.append("- ").append(a).append('\n'));
        md.append('\n').append(note).append("\n\n## Found per claim kind\n\n")
                .append(MarkdownTable.of(found).decimals(2).render()).append("\n\n![found rate per method and claim"
                        + " kind](leaderboard.png)\n\n## Planted properties\n\n")
                .append(MarkdownTable.of(planted).render()).append("\n\n## Seeds\n\n")
                .append(MarkdownTable.of(perSeed).render()).append('\n');
        HtmlReport html = HtmlReport.titled(title);
        about.forEach(html::paragraph);
        html.paragraph(note).heading("Found per claim kind").decimals(2).table(found)
                .image(png, "found rate per method and claim kind, 95% Wilson intervals")
                .heading("Planted properties").table(planted).heading("Seeds").table(perSeed);
        AtomicText.write(dir.resolve("leaderboard.md"), md.toString());
        html.write(dir.resolve("leaderboard.html"));
        AtomicText.write(dir.resolve("leaderboard.json"), new GsonBuilder().setPrettyPrinting()
                .serializeSpecialFloatingPointValues().create().toJson(json(lb)));
        return dir.resolve("leaderboard.md");
    }

    private static Table foundTable(Leaderboard lb) {
        List<String> header = new ArrayList<>(List.of("method"));
        lb.kinds().forEach(k -> header.add(k.id()));
        header.addAll(List.of("false claims", "false claims per audit", "mean seconds", "failed on seeds"));
        Table t = Table.of(header);
        for (String m : lb.methods()) {
            List<Object> row = new ArrayList<>(List.of(m));
            lb.kinds().forEach(k -> row.add(lb.cell(m, k).describe()));
            List<Long> failed = lb.failedSeeds(m);
            row.addAll(List.of(lb.falseClaims(m), String.format(Locale.ROOT, "%.2f", lb.meanFalseClaims(m)),
                    String.format(Locale.ROOT, "%.1f", lb.meanSeconds(m)),
                    failed.isEmpty() ? "none" : failed.toString()));
            t.row(row);
        }
        return t;
    }

    private static BarPlot chart(Leaderboard lb) {
        BarPlot.Builder b = BarPlot.builder().title("Blind audits of " + lb.organism() + ": seeds found, by claim kind")
                .xLabel("method").yLabel("found (verified seeds / seeds)").categories(lb.methods()).yRange(0, 1.05)
                .legend(true);
        if (lb.kinds().isEmpty()) {
            return b.series("nothing planted", new double[lb.methods().size()]).build();
        }
        for (ClaimKind k : lb.kinds()) {
            int n = lb.methods().size();
            double[] rate = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                Wilson w = lb.cell(lb.methods().get(i), k);
                rate[i] = w.rate();
                lo[i] = w.low();
                hi[i] = w.high();
            }
            b.series(k.id(), rate, lo, hi);
        }
        return b.build();
    }

    private static Map<String, Object> json(Leaderboard lb) {
        RunHeader h = lb.header();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("organism", lb.organism());
        j.put("command", h.command());
        j.put("seeds", h.seeds());
        j.put("steps", h.steps());
        j.put("code_version", h.codeVersion());
        j.put("started_at", h.startedAt());
        j.put("load_average", Map.of("start", h.loadStart(), "end", h.loadEnd()));
        j.put("wall_seconds", h.wallSeconds());
        j.put("prepare_seconds", h.prepareSeconds());
        j.put("threads", h.threads());
        j.put("methods", lb.methods());
        j.put("kinds", lb.kinds().stream().map(ClaimKind::id).toList());
        List<Map<String, Object>> cells = new ArrayList<>();
        Map<String, Object> perMethod = new LinkedHashMap<>();
        for (String m : lb.methods()) {
            for (ClaimKind k : lb.kinds()) {
                Wilson w = lb.cell(m, k);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("method", m);
                c.put("kind", k.id());
                c.put("verified_seeds", w.successes());
                c.put("seeds", w.trials());
                c.put("rate", w.rate());
                c.put("wilson_low", w.low());
                c.put("wilson_high", w.high());
                cells.add(c);
            }
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("false_claims", lb.falseClaims(m));
            o.put("false_claims_per_audit", lb.meanFalseClaims(m));
            o.put("mean_seconds", lb.meanSeconds(m));
            o.put("failed_on_seeds", lb.failedSeeds(m));
            perMethod.put(m, o);
        }
        j.put("cells", cells);
        j.put("per_method", perMethod);
        List<Map<String, Object>> planted = new ArrayList<>();
        for (Leaderboard.PlantedRow p : lb.planted()) {
            planted.add(Map.of("id", p.id(), "kind", p.kind().id(), "seeds", p.seeds(), "found_by_any_method",
                    p.byAnyMethod(), "found_by_investigator", p.byInvestigator()));
        }
        j.put("planted", planted);
        List<Map<String, Object>> seeds = new ArrayList<>();
        for (SeedResult s : lb.seeds()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("seed", s.seed());
            o.put("run", s.run().toString());
            o.put("report", s.report().toString());
            o.put("seconds", s.seconds());
            o.put("failures", s.failures());
            List<Map<String, Object>> vs = new ArrayList<>();
            for (ClaimVerdict v : s.verdicts()) {
                vs.add(Map.of("method", v.method(), "kind", v.claim().kind().id(), "verdict", v.label(), "found",
                        v.found()));
            }
            o.put("verdicts", vs);
            seeds.add(o);
        }
        j.put("per_seed", seeds);
        return j;
    }
}
