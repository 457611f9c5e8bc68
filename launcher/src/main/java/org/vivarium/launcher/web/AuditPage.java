package org.vivarium.launcher.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /audit/{run}}: a run's audit report: the truth-card score, every claim with the scorer's verdict, and each
 * auditor's section with its claims, notes and plots.
 */
final class AuditPage extends RunsPage {
    private static final long serialVersionUID = 1L;
    AuditPage(RunsDirectory runs) {
        super(runs);
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        AuditView v = AuditView.load(runs, rest(req));
        JsonObject r = v.report();
        String organism = RunJson.text(r, "organism");
        RunSummary.AuditScore score = v.score();
        StringBuilder b = new StringBuilder("<h1 id=\"audit\">").append(score.blind() ? "Blind audit of " : "Audit of ")
                .append(Html.esc(organism)).append("</h1><p>run ")
                .append(HtmlTable.link(Html.href("/run", v.run()), v.run()).html()).append(" · ")
                .append(HtmlTable.link(Html.href("/api/audits", v.run()), "JSON").html()).append("</p>");
        b.append("<p id=\"score\">Truth-card score: ").append(Html.esc(score.describe()))
                .append(" (a planted property counts as found only when a claim of its kind passed the scorer's own"
                        + " measurement).</p>");
        Map<String, JsonObject> planted = new LinkedHashMap<>();
        for (JsonElement p : RunJson.array(RunJson.object(r, "truth_card"), "planted")) {
            if (p.isJsonObject()) {
                planted.put(RunJson.text(p.getAsJsonObject(), "id"), p.getAsJsonObject());
            }
        }
        HtmlTable st = new HtmlTable("planted", "Planted", "Kind", "Location", "Found");
        for (Map.Entry<String, JsonElement> e : RunJson.object(r, "truth_card_score").entrySet()) {
            JsonObject p = planted.get(e.getKey());
            boolean found = e.getValue().isJsonPrimitive() && e.getValue().getAsBoolean();
            st.row(e.getKey(), lower(RunJson.text(p, "kind")), RunJson.text(p, "location"),
                    HtmlTable.status(found, found ? "found" : "not found"));
        }
        b.append(st.html()).append("<h2>Claims and the scorer's verdicts</h2>");
        HtmlTable vt = new HtmlTable("verdicts", "Method", "Kind", "Claim", "Where", "Auditor", "Confidence", "Scorer",
                "Scorer measured");
        for (JsonElement e : RunJson.array(r, "verdicts")) {
            JsonObject o = e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
            String verdict = RunJson.text(o, "verdict");
            vt.row(RunJson.text(o, "method"), RunJson.text(o, "kind"), RunJson.text(o, "statement"),
                    RunJson.text(o, "where"), "true".equals(RunJson.text(o, "supported")) ? "supported" : "not supported",
                    RunJson.text(o, "confidence"), "VERIFIED".equals(verdict) || "FAILED".equals(verdict)
                            ? HtmlTable.status("VERIFIED".equals(verdict), verdict) : verdict,
                    RunJson.text(o, "measured"));
        }
        b.append(vt.html());
        JsonObject seconds = RunJson.object(r, "seconds");
        for (JsonElement e : RunJson.array(r, "sections")) {
            section(v, e.isJsonObject() ? e.getAsJsonObject() : new JsonObject(), seconds, b);
        }
        JsonObject failures = RunJson.object(r, "failures");
        if (failures.size() > 0) {
            HtmlTable ft = new HtmlTable("failures", "Auditor", "Error");
            failures.entrySet().forEach(e -> ft.row(e.getKey(), e.getValue().isJsonPrimitive()
                    ? e.getValue().getAsString() : e.getValue().toString()));
            b.append("<h2>Auditors that failed</h2>").append(ft.html());
        }
        if (!RunJson.array(r, "organism_check").isEmpty()) {
            b.append("<h2>Organism self-check</h2><ul>");
            RunJson.array(r, "organism_check").forEach(f -> b.append("<li>").append(Html.esc(f.isJsonPrimitive()
                    ? f.getAsString() : f.toString())).append("</li>"));
            b.append("</ul>");
        }
        sendHtml(resp, 200, page("Audit · " + v.run(), b.toString()));
    }

    private static void section(AuditView v, JsonObject s, JsonObject seconds, StringBuilder b) {
        String method = java.util.Objects.requireNonNullElse(RunJson.text(s, "method"), "");
        String took = RunJson.text(seconds, method);
        b.append("<section class=\"auditor\"><h2>").append(Html.esc(RunJson.text(s, "title"))).append(" <code>")
                .append(Html.esc(method)).append("</code>");
        if (took != null) {
            b.append(" <span class=\"count\">").append(Html.esc(seconds(took))).append("</span>");
        }
        b.append("</h2>");
        HtmlTable ct = new HtmlTable(null, "Kind", "Supported", "Claim", "Evidence");
        for (JsonElement c : RunJson.array(s, "claims")) {
            JsonObject o = c.isJsonObject() ? c.getAsJsonObject() : new JsonObject();
            ct.row(lower(RunJson.text(o, "kind")), "true".equals(RunJson.text(o, "supported")) ? "yes" : "no",
                    RunJson.text(o, "statement"), RunJson.text(o, "evidence"));
        }
        b.append(ct.html());
        String md = RunJson.text(s, "markdown");
        if (md != null && !md.isBlank()) {
            b.append("<pre class=\"notes\">").append(Html.esc(md)).append("</pre>");
        }
        for (AuditView.Figure f : v.figures(method)) {
            b.append("<figure><img src=\"").append(Html.esc(f.href())).append("\" alt=\"").append(Html.esc(f.caption()))
                    .append("\"><figcaption>").append(Html.esc(f.caption())).append("</figcaption></figure>");
        }
        b.append("</section>");
    }

    private static String seconds(String took) {
        try {
            return String.format(java.util.Locale.ROOT, "%.1f s", Double.parseDouble(took));
        } catch (NumberFormatException e) {
            return took;
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }
}
