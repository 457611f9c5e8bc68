package org.vivarium.api.web;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's side of the pages a plugin contributes to {@code viv serve}. The host registers this service while it
 * serves and unregisters it when the server stops, so a page component that references it exists exactly while
 * there is a web server to show it; the plugins-in-a-host diagnostics do not count that wait as a problem.
 *
 * <p>A page is a Declarative Services component that is a {@code jakarta.servlet.Servlet} with the OSGi HTTP
 * Whiteboard's {@code osgi.http.whiteboard.servlet.pattern}; installing the plugin adds the page, uninstalling it
 * removes it. {@link #PAGE_TITLE} and {@link #PAGE_PATH} list it on the host's home page. The host adds its
 * security headers (a Content-Security-Policy without scripts, {@code nosniff}, {@code no-store}) to every answer.
 *
 * <pre>{@code
 * @Component(service = Servlet.class, property = {
 *         "osgi.http.whiteboard.servlet.pattern=/mymethod",
 *         WebHost.PAGE_TITLE + "=My method",
 *         WebHost.PAGE_PATH + "=/mymethod"})
 * public final class MyPage extends HttpServlet {
 *     private final transient WebHost web;
 *
 *     @Activate
 *     public MyPage(@Reference WebHost web) {
 *         this.web = web;
 *     }
 *
 *     @Override
 *     protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
 *         resp.setContentType("text/html; charset=utf-8");
 *         resp.getWriter().write(web.page("My method", "<form method=\"post\">" + web.csrfField()
 *                 + "<input name=\"q\" value=\"" + HtmlText.escape(req.getParameter("q")) + "\"></form>"));
 *     }
 *
 *     @Override
 *     protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
 *         if (!web.csrfValid(req.getParameter(WebHost.CSRF_PARAMETER))) {
 *             resp.sendError(403, "missing or stale CSRF token: reload the page");
 *             return;
 *         }
 *         // ... change something
 *     }
 * }
 * }</pre>
 */
@ProviderType
public interface WebHost {
    /** Service property of a page servlet: its link text on the host's home page. */
    String PAGE_TITLE = "vivarium.page.title";
    /** Service property of a page servlet: the path its link opens, e.g. {@code /steering}. */
    String PAGE_PATH = "vivarium.page.path";
    /** The form field that carries the CSRF token of a POST. */
    String CSRF_PARAMETER = "csrf";
    /** The request header that carries the CSRF token of a POST from a script. */
    String CSRF_HEADER = "X-Vivarium-CSRF";

    /**
     * Wraps a page body in the host's frame: title, stylesheet ({@code /static/viv.css}) and navigation.
     *
     * @param title the page title (escaped here)
     * @param bodyHtml the body, every user string in it already escaped with {@link HtmlText#escape}
     * @return the whole HTML document
     */
    String page(String title, String bodyHtml);

    /**
     * @return the token a state-changing request must carry ({@link #CSRF_PARAMETER} or {@link #CSRF_HEADER}); it
     *     changes each time the server starts, and only pages served from this origin can read it
     */
    String csrfToken();

    /**
     * Checks a request's token in constant time.
     *
     * @param token the token the request carried, may be null
     * @return whether it is the current token
     */
    boolean csrfValid(String token);

    /** @return a hidden form field carrying the token, to put inside every {@code <form method="post">} */
    default String csrfField() {
        return "<input type=\"hidden\" name=\"" + CSRF_PARAMETER + "\" value=\"" + HtmlText.escape(csrfToken()) + "\">";
    }

    /**
     * @return the directory user paths (checkpoints, direction files) resolve against; a page must not read outside
     *     it
     */
    Path workDir();
}
