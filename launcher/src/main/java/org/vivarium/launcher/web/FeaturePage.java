package org.vivarium.launcher.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.vivarium.api.index.ContextHit;
import org.vivarium.api.index.ContextRecord;

/**
 * {@code /feature/{id}}: one feature by its kind (SAE latent, neuron, probe) with that kind's fields, the tokens its
 * direction promotes and suppresses, a histogram of its activations (from the activation cache when it holds the
 * feature's run, else from the index, saying which) and its top contexts with the firing token
 * highlighted.
 */
final class FeaturePage extends PageServlet {
    private static final long serialVersionUID = 1L;
    private final transient WebIndex index;
    private final transient FeatureArtifacts artifacts;

    FeaturePage(WebIndex index, FeatureArtifacts artifacts) {
        this.index = index;
        this.artifacts = artifacts;
    }

    /** @return the feature id from the path after the servlet pattern, decoded */
    static String featureId(HttpServletRequest req) {
        return rest(req);
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        FeatureView v = index.search(i -> FeatureView.load(i, featureId(req), artifacts));
        StringBuilder b = new StringBuilder();
        b.append("<h1 id=\"feature\">").append(Html.esc(v.feature())).append("</h1>");
        b.append(String.format(Locale.ROOT, "<p id=\"stats\">%d contexts · max activation %.3f · mean %.3f · "
                + "<a href=\"/search?q=%s\">search its contexts</a> · <a href=\"/api/feature/%s\">JSON</a></p>",
                v.stats().count(), v.stats().maxActivation(), v.stats().meanActivation(),
                Html.esc(Html.url("feature:" + v.feature())), Html.esc(Html.featureHref(v.feature()).substring(9))));
        b.append(output(v.output()));
        b.append("<h2>Activations</h2>").append(v.histogram().svg());
        b.append("<p id=\"histogram-note\" class=\"note\">histogram ").append(Html.esc(v.histogramNote()))
                .append("</p>");
        b.append("<h2>Top contexts</h2><table id=\"contexts\"><tr><th>#</th><th>Act</th><th>Context</th><th>Token</th>"
                + "<th>Model · run · hook</th></tr>");
        for (ContextHit h : v.top()) {
            ContextRecord r = h.record();
            b.append("<tr><td>").append(h.rank()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", r.activation())).append("</td><td class=\"context\">")
                    .append(h.highlight().window(SearchView.WINDOW).html()).append("</td><td><code>")
                    .append(Html.esc(r.firingToken())).append("</code></td><td>").append(Html.esc(r.model()))
                    .append(" · ").append(Html.esc(r.run())).append(" · ").append(Html.esc(r.hook()))
                    .append("</td></tr>");
        }
        b.append("</table>");
        sendHtml(resp, 200, page(v.feature(), b.toString()));
    }

    private static String output(FeatureOutput o) {
        StringBuilder b = new StringBuilder("<p id=\"kind\" class=\"kind\">").append(Html.esc(o.kind().label()))
                .append("</p><table id=\"fields\">");
        o.fields().forEach((k, val) -> b.append("<tr><th>").append(Html.esc(k)).append("</th><td>")
                .append(Html.esc(val)).append("</td></tr>"));
        b.append("</table><h2>Output tokens</h2><p id=\"output-note\" class=\"note\">").append(Html.esc(o.note()))
                .append("</p>");
        if (o.tokens() != null && o.tokens().promoted().isEmpty() && o.tokens().suppressed().isEmpty()) {
            b.append("<p id=\"no-effect\">The direction moves no logit.</p>");
        } else if (o.tokens() != null) {
            b.append("<div class=\"columns\">").append(tokenTable("promoted", "Promoted", o.tokens().promoted()))
                    .append(tokenTable("suppressed", "Suppressed", o.tokens().suppressed())).append("</div>");
        }
        return b.toString();
    }

    private static String tokenTable(String id, String title, java.util.List<OutputTokens.TokenLogit> tokens) {
        StringBuilder b = new StringBuilder("<table id=\"").append(id).append("\"><tr><th>").append(title)
                .append("</th><th>logit</th></tr>");
        for (OutputTokens.TokenLogit t : tokens) {
            b.append("<tr><td><code>").append(Html.esc(t.token())).append("</code></td><td>")
                    .append(String.format(Locale.ROOT, "%+.4f", t.logit())).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }
}
