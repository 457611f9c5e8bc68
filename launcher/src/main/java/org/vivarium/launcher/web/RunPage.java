package org.vivarium.launcher.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vivarium.api.provenance.Provenance;

/** {@code /run/{id}}: one run's check verdict and metrics, loss curve, plots and provenance. */
final class RunPage extends RunsPage {
    private static final long serialVersionUID = 1L;
    RunPage(RunsDirectory runs) {
        super(runs);
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        RunView v = RunView.load(runs, rest(req));
        RunSummary s = v.summary();
        StringBuilder b = new StringBuilder("<h1 id=\"run\">").append(Html.esc(s.id())).append("</h1><p id=\"about\">");
        b.append("organism <b>").append(Html.esc(s.organism() == null ? "unknown" : s.organism())).append("</b>");
        if (s.seed() != null) {
            b.append(" · seed ").append(s.seed());
        }
        if (s.createdAt() != null) {
            b.append(" · trained ").append(Html.esc(s.createdAt()));
        }
        b.append(" · check ").append(s.passed() == null ? "not run" : HtmlTable.status(s.passed(), s.checkLabel()).html());
        if (s.audit() != null) {
            b.append(" · ").append(HtmlTable.link(Html.href("/audit", s.id()), (s.audit().blind() ? "blind audit: "
                    : "audit: ") + s.audit().describe()).html());
        }
        if (s.sealed()) {
            b.append(" · truth card sealed");
        }
        b.append(" · ").append(HtmlTable.link(Html.href("/api/runs", s.id()), "JSON").html()).append("</p>");
        if (s.problem() != null) {
            b.append("<p class=\"error\">").append(Html.esc(s.problem())).append("</p>");
        }
        b.append("<h2>Loss curve</h2>");
        if (v.loss() == null) {
            b.append("<p>No loss.csv in this run.</p>");
        } else {
            b.append(v.loss().svg()).append("<p class=\"note\">").append(v.loss().rows()).append(" steps; last ");
            v.loss().last().forEach((k, x) -> b.append(Html.esc(k)).append(' ')
                    .append(String.format(Locale.ROOT, "%.4f", x)).append(' '));
            b.append("</p>");
        }
        checkSection(v, b);
        if (!v.figures().isEmpty()) {
            b.append("<h2>Plots</h2>");
            for (String f : v.figures()) {
                b.append("<figure><img src=\"").append(Html.esc(v.figureHref(f))).append("\" alt=\"")
                        .append(Html.esc(f)).append("\"><figcaption>").append(Html.esc(f)).append("</figcaption></figure>");
            }
        }
        if (!v.children().isEmpty()) {
            b.append("<h2>Runs inside</h2><ul id=\"children\">");
            v.children().forEach(c -> b.append("<li>").append(HtmlTable.link(Html.href("/run", c), c).html())
                    .append("</li>"));
            b.append("</ul>");
        }
        provenanceSection(v.provenance(), b);
        sendHtml(resp, 200, page(s.id(), b.toString()));
    }

    private static void checkSection(RunView v, StringBuilder b) {
        b.append("<h2>Organism check</h2>");
        if (v.check() == null) {
            b.append("<p>Not checked (no report.json; blind runs are never checked, their card stays sealed).</p>");
            return;
        }
        b.append("<ul id=\"findings\">");
        for (String f : v.findings()) {
            boolean ok = f.startsWith("PASS");
            b.append("<li class=\"state ").append(ok ? "ok" : "bad").append("\">").append(Html.esc(f)).append("</li>");
        }
        b.append("</ul>");
        HtmlTable t = new HtmlTable("metrics", "Metric", "Value");
        v.metrics().forEach(t::row);
        b.append(t.html());
    }

    private static void provenanceSection(Provenance p, StringBuilder b) {
        b.append("<h2>Provenance</h2>");
        if (p == null) {
            b.append("<p>No checkpoint/provenance.json.</p>");
            return;
        }
        b.append(new HtmlTable("provenance", "Field", "Value").row("kind", p.kind()).row("recipe", p.recipe())
                .row("seed", p.seed()).row("data hash", p.dataHash()).row("code version", p.codeVersion())
                .row("parent", p.parent()).row("created", p.createdAt()).html());
        b.append("<h3>Settings</h3>").append(table("settings", p.settings()));
        b.append("<h3>Environment</h3>").append(table("environment", p.environment()));
    }

    private static String table(String id, Map<String, String> values) {
        HtmlTable t = new HtmlTable(id, "Key", "Value");
        new TreeMap<>(values).forEach(t::row);
        return t.html();
    }
}
