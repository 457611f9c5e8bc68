package org.vivarium.launcher.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vivarium.launcher.plugins.PluginInfo;
import org.vivarium.organisms.Organism;
import org.vivarium.organisms.OrganismCatalog;

/**
 * {@code /}: the runs (with check verdicts and audit scores) and leaderboards, installed plugins with their state and
 * the pages they contribute, the organisms, and the index. Any other unmatched path is 404.
 */
final class HomePage extends PageServlet {
    private static final long serialVersionUID = 1L;
    private final transient Supplier<List<PluginInfo>> plugins;
    private final transient WebIndex index;
    private final transient PluginPages pages;
    private final transient RunsDirectory runs;

    HomePage(Supplier<List<PluginInfo>> plugins, WebIndex index, PluginPages pages, RunsDirectory runs) {
        this.plugins = plugins;
        this.index = index;
        this.pages = pages;
        this.runs = runs;
    }

    /** The catch-all: any path no other servlet serves is 404 whatever the method (only {@code /} itself is a page). */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (!"/".equals(path)) {
            SecurityHeaders.apply(resp);
            error(resp, HttpServletResponse.SC_NOT_FOUND, "no page at " + path, null);
            return;
        }
        super.service(req, resp);
    }

    @Override
    void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StringBuilder b = new StringBuilder("<h1>Vivarium</h1>");
        b.append("<form class=\"search\" action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\""
                + " placeholder=\"e.g. password feature:sae/L1/* act>2\" size=\"50\"> <button>Search</button></form>");
        b.append(RunsSection.html(runs));
        b.append("<h2>Plugins</h2>");
        List<PluginInfo> list = plugins.get();
        if (list.isEmpty()) {
            b.append("<p>No plugins installed.</p>");
        } else {
            b.append("<table id=\"plugins\"><tr><th>Plugin</th><th>Bundle</th><th>Version</th><th>State</th>"
                    + "<th>Methods</th><th>Problem</th></tr>");
            for (PluginInfo p : list) {
                b.append("<tr><td>").append(Html.esc(p.name())).append("</td><td>").append(Html.esc(p.symbolicName()))
                        .append("</td><td>").append(Html.esc(p.version())).append("</td><td class=\"state ")
                        .append(p.healthy() ? "ok" : "bad").append("\">").append(Html.esc(p.state()))
                        .append("</td><td>").append(Html.esc(String.join(", ", p.methods()))).append("</td><td>")
                        .append(Html.esc(p.lastError())).append("</td></tr>");
            }
            b.append("</table>");
        }
        b.append(pages.html());
        b.append("<h2>Organisms</h2><table id=\"organisms\"><tr><th>Name</th><th>What is planted</th></tr>");
        for (Organism o : OrganismCatalog.builtIn().organisms()) {
            b.append("<tr><td>").append(Html.esc(o.name())).append("</td><td>").append(Html.esc(o.summary()))
                    .append("</td></tr>");
        }
        b.append("</table><h2>Context index</h2><p>").append(Html.esc(index.dir().toString())).append(": ");
        try {
            b.append(index.<Long>search(i -> i.count("*")).longValue()).append(" contexts</p>");
        } catch (RuntimeException e) {
            b.append("not available (").append(Html.esc(e.getMessage())).append(")</p>");
        }
        sendHtml(resp, 200, page("Home", b.toString()));
    }

    static List<Object> pluginsJson(List<PluginInfo> list) {
        List<Object> out = new ArrayList<>();
        for (PluginInfo p : list) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", p.name());
            o.put("file", p.file());
            o.put("bundleId", p.bundleId());
            o.put("symbolicName", p.symbolicName());
            o.put("version", p.version());
            o.put("state", p.state());
            o.put("healthy", p.healthy());
            o.put("methods", p.methods());
            o.put("lastError", p.lastError());
            out.add(o);
        }
        return out;
    }
}
