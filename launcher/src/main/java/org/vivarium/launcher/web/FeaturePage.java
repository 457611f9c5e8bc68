package org.vivarium.launcher.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.vivarium.api.index.ContextHit;
import org.vivarium.api.index.ContextRecord;

/** {@code /feature/{id}}: the top contexts of one feature with the firing token highlighted, and a histogram. */
final class FeaturePage extends PageServlet {
    private static final long serialVersionUID = 1L;
    private final transient WebIndex index;

    FeaturePage(WebIndex index) {
        this.index = index;
    }

    /** @return the feature id from the path after the servlet pattern, decoded */
    static String featureId(HttpServletRequest req) {
        return rest(req);
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        FeatureView v = FeatureView.load(index.get(), featureId(req));
        StringBuilder b = new StringBuilder();
        b.append("<h1 id=\"feature\">").append(Html.esc(v.feature())).append("</h1>");
        b.append(String.format(Locale.ROOT, "<p id=\"stats\">%d contexts · max activation %.3f · mean %.3f · "
                + "<a href=\"/search?q=%s\">search its contexts</a> · <a href=\"/api/feature/%s\">JSON</a></p>",
                v.stats().count(), v.stats().maxActivation(), v.stats().meanActivation(),
                Html.esc(Html.url("feature:" + v.feature())), Html.esc(Html.featureHref(v.feature()).substring(9))));
        b.append("<h2>Activations</h2>").append(v.histogram().svg());
        if (v.histogram().sampled() < v.stats().count()) {
            b.append("<p class=\"note\">histogram of the top ").append(v.histogram().sampled()).append(" contexts</p>");
        }
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
        sendHtml(resp, 200, Html.page(v.feature(), b.toString()));
    }
}
