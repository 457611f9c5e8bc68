package org.vivarium.launcher.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vivarium.api.web.HtmlText;

/** HTML escaping, URL encoding and the shared page frame. Every user or index string goes through {@link #esc}. */
final class Html {
    private Html() {
    }

    /**
     * @param s any text, may be null
     * @return the text with {@code & < > " '} escaped, safe in element content and quoted attributes
     */
    static String esc(String s) {
        return HtmlText.escape(s);
    }

    /**
     * @param s a query-parameter value
     * @return the value URL-encoded (UTF-8)
     */
    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * @param feature a feature id such as {@code sae/L1/812}
     * @return the feature page's path, each segment URL-encoded
     */
    static String featureHref(String feature) {
        return href("/feature", feature);
    }

    /**
     * @param prefix a page's path, e.g. {@code /run}
     * @param path a slash-separated id, e.g. {@code backdoor-blind/seed-1}
     * @return the prefix and the path, each segment URL-encoded
     */
    static String href(String prefix, String path) {
        StringBuilder out = new StringBuilder(prefix);
        for (String segment : path.split("/", -1)) {
            out.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /**
     * Wraps a body in the page frame (title, stylesheet, navigation with the plugin pages).
     *
     * @param title the page title (escaped here)
     * @param body the body HTML, already escaped
     * @param plugins the pages installed plugins contribute right now, linked in the navigation bar
     * @return the full document
     */
    static String page(String title, String body, List<PluginPages.Link> plugins) {
        StringBuilder nav = new StringBuilder("<nav><a href=\"/\" class=\"brand\">Vivarium</a> <a href=\"/\">Home</a>"
                + " <a href=\"/search\">Search</a>");
        for (PluginPages.Link l : plugins) {
            nav.append(" <a class=\"plugin-page\" href=\"").append(esc(l.path())).append("\" title=\"")
                    .append(esc(l.bundle())).append("\">").append(esc(l.title())).append("</a>");
        }
        nav.append(" <a href=\"/api/plugins\">API</a></nav>");
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " · Vivarium</title>"
                + "<link rel=\"stylesheet\" href=\"/static/viv.css\"></head><body>"
                + nav + "<main>" + body + "</main></body></html>\n";
    }
}
