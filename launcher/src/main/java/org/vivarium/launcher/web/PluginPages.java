package org.vivarium.launcher.web;

import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.vivarium.api.web.WebHost;

/**
 * The pages plugins contribute right now: whiteboard servlets registered by a bundle other than the host's, with a
 * {@link WebHost#PAGE_TITLE}. Read from the service registry on every call, so a page appears and disappears with
 * its plugin.
 */
final class PluginPages {
    private static final String FILTER = "(" + WebHost.PAGE_TITLE + "=*)";
    private final BundleContext context;

    PluginPages(BundleContext context) {
        this.context = context;
    }

    /**
     * One contributed page.
     *
     * @param title its link text
     * @param path the path its link opens
     * @param bundle the symbolic name of the plugin bundle that registered it
     * @param bundleId that bundle's id
     */
    record Link(String title, String path, String bundle, long bundleId) {
    }

    /** @return the pages, sorted by path */
    List<Link> list() {
        List<Link> out = new ArrayList<>();
        try {
            for (ServiceReference<Servlet> ref : context.getServiceReferences(Servlet.class, FILTER)) {
                if (ref.getBundle() == null || ref.getBundle().getBundleId() == 0) {
                    continue; // gone, or registered by the host itself
                }
                String title = String.valueOf(ref.getProperty(WebHost.PAGE_TITLE));
                Object path = ref.getProperty(WebHost.PAGE_PATH);
                out.add(new Link(title, path instanceof String p && p.startsWith("/") ? p : "/", ref.getBundle()
                        .getSymbolicName(), ref.getBundle().getBundleId()));
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IllegalStateException e) {
            return List.of(); // the framework is stopping
        }
        out.sort(Comparator.comparing(Link::path).thenComparing(Link::title));
        return out;
    }

    /** @return the pages as JSON-ready maps */
    List<Object> json() {
        List<Object> out = new ArrayList<>();
        for (Link l : list()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("title", l.title());
            o.put("path", l.path());
            o.put("bundle", l.bundle());
            o.put("bundleId", l.bundleId());
            out.add(o);
        }
        return out;
    }

    /** @return the home page's section listing the pages */
    String html() {
        StringBuilder b = new StringBuilder("<h2>Plugin pages</h2>");
        List<Link> links = list();
        if (links.isEmpty()) {
            return b.append("<p id=\"plugin-pages\">No installed plugin contributes a page.</p>").toString();
        }
        b.append("<ul id=\"plugin-pages\">");
        for (Link l : links) {
            b.append("<li><a href=\"").append(Html.esc(l.path())).append("\">").append(Html.esc(l.title()))
                    .append("</a> <span class=\"count\">").append(Html.esc(l.bundle())).append("</span></li>");
        }
        return b.append("</ul>").toString();
    }
}
