package org.vivarium.launcher.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextHit;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.FeatureAggregate;
import org.vivarium.index.SearchTimeoutException;

/**
 * {@code /search?q=&min=&max=&page=}: the query form with an activation range, highlighted hits with links to their
 * features, facets, paging.
 */
final class SearchPage extends PageServlet {
    private static final long serialVersionUID = 1L;
    private final transient WebIndex index;

    SearchPage(WebIndex index) {
        this.index = index;
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String q = req.getParameter("q");
        int page = intParam(req, "page", 1, 1, Integer.MAX_VALUE);
        ActivationRange range = ActivationRange.of(req);
        StringBuilder b = new StringBuilder("<h1>Search contexts</h1>");
        b.append("<form id=\"search-form\" class=\"search\" action=\"/search\" method=\"get\">"
                + "<input id=\"q\" type=\"search\" name=\"q\" size=\"60\" value=\"").append(Html.esc(q))
                .append("\" placeholder=\"e.g. password feature:sae/L1/* act&gt;2\" autofocus> ")
                .append(range.formControls()).append(" <button id=\"go\">Search</button></form>");
        b.append("<p class=\"syntax\">Words and \"phrases\" search the text; feature:sae/L1/812, feature:sae/L1/*,"
                + " source:probe, model:M, run:R, hook:H match exactly; act&gt;3, act:[2 TO 5], layer:1 filter numbers;"
                + " AND, OR, NOT and parentheses combine them. The activation range narrows any query like"
                + " act&gt;=MIN act&lt;=MAX.</p>");
        if (q == null) {
            sendHtml(resp, 200, page("Search", b.toString()));
            return;
        }
        int status = 200;
        try {
            render(index.search(i -> SearchView.run(i, q, range, page)), b);
        } catch (VivariumException e) {
            status = e instanceof SearchTimeoutException || e instanceof ServerBusy ? 503 : 400;
            if (e instanceof ServerBusy) {
                resp.setHeader("Retry-After", Integer.toString(ServerBusy.RETRY_AFTER_SECONDS));
            }
            b.append("<p class=\"error\">").append(Html.esc(e.problem())).append("</p><p class=\"fix\">")
                    .append(Html.esc(e.fix())).append("</p>");
        }
        sendHtml(resp, status, page(q.isBlank() ? "Search" : q + " · Search", b.toString()));
    }

    private static void render(SearchView v, StringBuilder b) {
        long from = (long) (v.page() - 1) * SearchView.PAGE_SIZE + 1;
        b.append("<p id=\"summary\">");
        if (v.hits().isEmpty()) {
            b.append("No contexts match <code>").append(Html.esc(v.query())).append("</code>.</p>");
            return;
        }
        b.append(v.totalExact() ? "" : "at least ").append(v.totalHits()).append(" contexts; showing ")
                .append(from).append("–").append(from + v.hits().size() - 1).append("</p>");
        b.append("<div class=\"columns\"><section class=\"hits\"><ol id=\"hits\" start=\"").append(from).append("\">");
        for (ContextHit h : v.hits()) {
            ContextRecord r = h.record();
            b.append("<li class=\"hit\"><div class=\"context\">").append(h.highlight().window(SearchView.WINDOW).html())
                    .append("</div><div class=\"meta\"><a class=\"feature-link\" href=\"")
                    .append(Html.esc(Html.featureHref(r.feature()))).append("\">").append(Html.esc(r.feature()))
                    .append("</a> act <b>").append(String.format(java.util.Locale.ROOT, "%.3f", r.activation()))
                    .append("</b> · ").append(Html.esc(r.model())).append(" · ").append(Html.esc(r.run()))
                    .append(" · ").append(Html.esc(r.hook())).append("</div></li>");
        }
        b.append("</ol><nav class=\"pages\">");
        if (v.page() > 1) {
            b.append("<a id=\"prev\" href=\"/search?q=").append(Html.esc(Html.url(v.query())))
                    .append(Html.esc(v.range().params())).append("&amp;page=")
                    .append(v.page() - 1).append("\">← previous</a> ");
        }
        b.append("page ").append(v.page());
        if (v.hasNext()) {
            b.append(" <a id=\"next\" href=\"/search?q=").append(Html.esc(Html.url(v.query())))
                    .append(Html.esc(v.range().params())).append("&amp;page=")
                    .append(v.page() + 1).append("\">next →</a>");
        }
        b.append("</nav></section><aside class=\"facets\"><h2>Features</h2><ul id=\"facets\">");
        for (FeatureAggregate f : v.facets()) {
            String typed = v.range().apply(v.query());
            String narrowed = (typed.isBlank() ? "" : "(" + typed + ") AND ") + "feature:" + f.feature();
            b.append("<li><a href=\"/search?q=").append(Html.esc(Html.url(narrowed))).append("\">")
                    .append(Html.esc(f.feature())).append("</a> <span class=\"count\">").append(f.count())
                    .append("</span> <a class=\"open\" href=\"").append(Html.esc(Html.featureHref(f.feature())))
                    .append("\" title=\"feature page\">↗</a></li>");
        }
        b.append("</ul></aside></div>");
    }
}
