package org.vivarium.launcher.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /leaderboard/{dir}}: a blind-audit leaderboard: how it was run, the found rate per method and claim kind
 * (verified seeds of seeds, 95% Wilson interval) with its plot, the planted properties and each seed's audit.
 */
final class LeaderboardPage extends RunsPage {
    private static final long serialVersionUID = 1L;
    LeaderboardPage(RunsDirectory runs) {
        super(runs);
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        LeaderboardView v = LeaderboardView.load(runs, rest(req));
        JsonObject lb = v.board();
        StringBuilder b = new StringBuilder("<h1 id=\"leaderboard\">Blind-audit leaderboard: ")
                .append(Html.esc(RunJson.text(lb, "organism"))).append("</h1><ul id=\"about\">");
        JsonObject load = RunJson.object(lb, "load_average");
        for (String line : List.of("command: " + RunJson.text(lb, "command"),
                "seeds: " + RunJson.text(lb, "seeds") + "; training steps: " + RunJson.text(lb, "steps"),
                "code version: " + RunJson.text(lb, "code_version") + "; started " + RunJson.text(lb, "started_at"),
                "load average (1 min): " + RunJson.text(load, "start") + " at the start, " + RunJson.text(load, "end")
                        + " at the end",
                "wall time: " + minutes(RunJson.text(lb, "wall_seconds")) + " min, of which preparing the organisms "
                        + minutes(RunJson.text(lb, "prepare_seconds")) + " min",
                "threads: " + RunJson.text(lb, "threads"))) {
            b.append("<li>").append(Html.esc(line)).append("</li>");
        }
        b.append("</ul><p>").append(HtmlTable.link(Html.href("/api/leaderboards", v.id()), "JSON").html())
                .append("</p><h2>Found per claim kind</h2>");
        List<String> header = new ArrayList<>(List.of("Method"));
        v.kinds().forEach(header::add);
        header.addAll(List.of("False claims", "Per audit", "Mean seconds", "Failed on seeds"));
        HtmlTable t = new HtmlTable("found", header.toArray(new String[0]));
        Map<String, JsonObject> cells = v.cells();
        JsonObject perMethod = RunJson.object(lb, "per_method");
        for (String m : v.methods()) {
            List<Object> row = new ArrayList<>(List.of(m));
            for (String k : v.kinds()) {
                JsonObject c = cells.get(m + " " + k);
                row.add(c == null ? "" : String.format(Locale.ROOT, "%s/%s (%s–%s)", RunJson.text(c, "verified_seeds"),
                        RunJson.text(c, "seeds"), fixed(RunJson.text(c, "wilson_low")),
                        fixed(RunJson.text(c, "wilson_high"))));
            }
            JsonObject pm = RunJson.object(perMethod, m);
            row.addAll(List.of(String.valueOf(RunJson.text(pm, "false_claims")),
                    fixed(RunJson.text(pm, "false_claims_per_audit")), fixed(RunJson.text(pm, "mean_seconds")),
                    String.valueOf(RunJson.text(pm, "failed_on_seeds"))));
            t.row(row.toArray());
        }
        b.append(t.html());
        if (v.png() != null) {
            b.append("<figure><img id=\"plot\" src=\"").append(Html.esc(v.png())).append("\" alt=\"found rate per"
                    + " method and claim kind\"><figcaption>found rate per method and claim kind, 95% Wilson"
                    + " intervals</figcaption></figure>");
        }
        HtmlTable pt = new HtmlTable("planted", "Planted", "Kind", "Seeds", "Found by any method",
                "Found by the investigator");
        for (JsonElement e : RunJson.array(lb, "planted")) {
            JsonObject p = e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
            pt.row(RunJson.text(p, "id"), RunJson.text(p, "kind"), RunJson.text(p, "seeds"),
                    RunJson.text(p, "found_by_any_method"), RunJson.text(p, "found_by_investigator"));
        }
        b.append("<h2>Planted properties</h2>").append(pt.html()).append("<h2>Seeds</h2>");
        HtmlTable seeds = new HtmlTable("seeds", "Seed", "Run", "Audit", "Verified claims", "False claims", "Failed");
        for (JsonElement e : RunJson.array(lb, "per_seed")) {
            JsonObject s = e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
            String run = v.seedRuns().get(RunJson.text(s, "seed"));
            long verified = 0;
            long refuted = 0;
            for (JsonElement ve : RunJson.array(s, "verdicts")) {
                String label = ve.isJsonObject() ? RunJson.text(ve.getAsJsonObject(), "verdict") : null;
                verified += "VERIFIED".equals(label) ? 1 : 0;
                refuted += "FAILED".equals(label) ? 1 : 0;
            }
            JsonObject failures = RunJson.object(s, "failures");
            seeds.row(RunJson.text(s, "seed"), run == null ? RunJson.text(s, "run") : HtmlTable.link(Html.href("/run",
                    run), run), run == null ? "" : HtmlTable.link(Html.href("/audit", run), "audit"), verified, refuted,
                    failures.size() == 0 ? "none" : String.join(", ", failures.keySet()));
        }
        b.append(seeds.html());
        sendHtml(resp, 200, page("Leaderboard · " + v.id(), b.toString()));
    }

    private static String fixed(String number) {
        try {
            return number == null ? "" : String.format(Locale.ROOT, "%.2f", Double.parseDouble(number));
        } catch (NumberFormatException e) {
            return number;
        }
    }

    private static String minutes(String seconds) {
        try {
            return seconds == null ? "?" : String.format(Locale.ROOT, "%.1f", Double.parseDouble(seconds) / 60);
        } catch (NumberFormatException e) {
            return seconds;
        }
    }
}
