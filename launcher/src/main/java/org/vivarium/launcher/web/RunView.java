package org.vivarium.launcher.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.vivarium.api.VivariumException;
import org.vivarium.api.provenance.Provenance;

/**
 * One run in full: what {@code /run/{id}} and {@code /api/runs/{id}} show. Its checkpoint's provenance, the
 * organism check ({@code report.json}: verdict, findings, metrics), the loss curve ({@code loss.csv}), the plots in
 * the run directory, and the runs nested in it (an organism's {@code base} and {@code control}).
 *
 * @param summary the home page's line for it
 * @param provenance the checkpoint's provenance, or null
 * @param check the check report, or null when the run was not checked
 * @param loss the loss curve, or null when there is no {@code loss.csv}
 * @param figures the PNG files in the run directory, by name
 * @param children ids of the runs below this one
 */
record RunView(RunSummary summary, Provenance provenance, JsonObject check, LossCurve loss, List<String> figures,
        List<String> children) {

    /**
     * Loads a run.
     *
     * @param runs the runs directory
     * @param id the run's id
     * @return the run
     * @throws PageServlet.NotFound if there is no run with this id
     * @throws VivariumException if one of its files is malformed
     */
    static RunView load(RunsDirectory runs, String id) {
        Path dir = runs.resolve(id);
        if (!Files.isDirectory(dir) || !RunsDirectory.isRun(dir)) {
            throw new PageServlet.NotFound("no run " + id + " in " + runs.root());
        }
        List<String> figures = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".png") && Files.isRegularFile(f))
                    .map(f -> f.getFileName().toString()).filter(RunsDirectory::validName).sorted()
                    .forEach(figures::add);
        } catch (IOException e) {
            throw new VivariumException("cannot list the run " + id + ": " + e.getMessage(), "check its permissions", e);
        }
        List<String> children = runs.scan().runs().stream().filter(r -> r.startsWith(id + "/")).toList();
        return new RunView(RunSummary.read(id, dir), RunSummary.provenance(dir), RunJson.read(dir.resolve("report.json")),
                LossCurve.read(dir.resolve("loss.csv")), List.copyOf(figures), children);
    }

    /** @return the check's findings, one line each ({@code PASS ...} / {@code FAIL ...}) */
    List<String> findings() {
        List<String> out = new ArrayList<>();
        RunJson.array(check, "findings").forEach(e -> out.add(e.isJsonPrimitive() ? e.getAsString() : e.toString()));
        return out;
    }

    /** @return the check's metrics as written */
    Map<String, String> metrics() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : RunJson.object(check, "metrics").entrySet()) {
            out.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString());
        }
        return out;
    }

    /** @return the path of a figure's file */
    String figureHref(String name) {
        return Html.href("/file", summary.id() + "/" + name);
    }

    /** @return the JSON body of {@code /api/runs/{id}} */
    Map<String, Object> json() {
        Map<String, Object> o = summary.json();
        if (provenance != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", provenance.kind());
            p.put("recipe", provenance.recipe());
            p.put("seed", provenance.seed());
            p.put("dataHash", provenance.dataHash());
            p.put("codeVersion", provenance.codeVersion());
            p.put("parent", provenance.parent());
            p.put("createdAt", provenance.createdAt());
            p.put("settings", provenance.settings());
            p.put("environment", provenance.environment());
            o.put("provenance", p);
        } else {
            o.put("provenance", null);
        }
        if (check != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("passed", summary.passed());
            c.put("findings", findings());
            c.put("metrics", RunJson.object(check, "metrics"));
            o.put("checkReport", c);
        } else {
            o.put("checkReport", null);
        }
        o.put("loss", loss == null ? null : loss.json());
        List<Object> figs = new ArrayList<>();
        for (String f : figures) {
            figs.add(Map.of("file", f, "url", figureHref(f)));
        }
        o.put("figures", figs);
        List<Object> kids = new ArrayList<>();
        children.forEach(c -> kids.add(Map.of("id", c, "url", Html.href("/run", c))));
        o.put("children", kids);
        return o;
    }
}
