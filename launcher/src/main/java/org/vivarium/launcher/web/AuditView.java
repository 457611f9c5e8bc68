package org.vivarium.launcher.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's audit report ({@code audit/report.json}, written by {@code viv audit}): the truth-card score, every claim
 * with the scorer's verdict, each auditor's section and the plots it wrote.
 *
 * @param run the run's id
 * @param report the report as written
 * @param figures the sections' plots that exist, in order
 */
record AuditView(String run, JsonObject report, List<Figure> figures) {

    /**
     * One plot of an auditor's section.
     *
     * @param method the auditor
     * @param file the file below the auditor's directory
     * @param caption its caption
     * @param href the path it is served at
     */
    record Figure(String method, String file, String caption, String href) {
    }

    /**
     * Loads a run's audit.
     *
     * @param runs the runs directory
     * @param id the run's id
     * @return the audit
     * @throws PageServlet.NotFound if the run has no audit report
     */
    static AuditView load(RunsDirectory runs, String id) {
        Path dir = runs.resolve(id);
        JsonObject report = RunJson.read(dir.resolve("audit").resolve("report.json"));
        if (report == null) {
            throw new PageServlet.NotFound("the run " + id + " has no audit (audit/report.json); run 'viv audit'");
        }
        List<Figure> figures = new ArrayList<>();
        for (JsonElement s : RunJson.array(report, "sections")) {
            if (!s.isJsonObject()) {
                continue;
            }
            String method = RunJson.text(s.getAsJsonObject(), "method");
            for (Map.Entry<String, JsonElement> im : RunJson.object(s.getAsJsonObject(), "images").entrySet()) {
                String rel = "audit/" + method + "/" + im.getKey();
                boolean plain = method != null && java.util.Arrays.stream(rel.split("/")).allMatch(RunsDirectory::validName);
                if (plain && Files.isRegularFile(dir.resolve(rel)) && rel.endsWith(".png")) {
                    String caption = im.getValue().isJsonPrimitive() ? im.getValue().getAsString() : "";
                    figures.add(new Figure(method, im.getKey(), caption, Html.href("/file", id + "/" + rel)));
                }
            }
        }
        return new AuditView(id, report, List.copyOf(figures));
    }

    /** @return the run's audit score, as on the home page */
    RunSummary.AuditScore score() {
        return RunSummary.AuditScore.of(report);
    }

    /**
     * @param method an auditor
     * @return its plots
     */
    List<Figure> figures(String method) {
        return figures.stream().filter(f -> f.method().equals(method)).toList();
    }

    /** @return the JSON body of {@code /api/audits/{id}}: the report as written, plus the run and plot paths */
    Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("run", run);
        o.put("url", Html.href("/audit", run));
        o.put("runUrl", Html.href("/run", run));
        List<Object> figs = new ArrayList<>();
        for (Figure f : figures) {
            figs.add(Map.of("method", f.method(), "file", f.file(), "caption", f.caption(), "url", f.href()));
        }
        o.put("figures", figs);
        o.put("report", report);
        return o;
    }
}
