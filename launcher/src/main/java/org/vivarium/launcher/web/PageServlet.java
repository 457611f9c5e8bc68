package org.vivarium.launcher.web;

import com.google.gson.Gson;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.vivarium.api.VivariumException;
import org.vivarium.index.SearchTimeoutException;

/**
 * Base of every page and API servlet: read-only (GET and HEAD; anything else is 405), strict security headers,
 * and one-line errors as HTML or JSON: 400 for bad input, 404 for what does not exist, 503 (with {@code Retry-After})
 * when the server runs as many searches as it allows, 503 for a search stopped at
 * its time limit.
 */
abstract class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private transient PageFrame frame = PageFrame.PLAIN;
    /**
     * Gson escapes {@code < > & = '} as {@code \\u003c} etc., so JSON is also safe if a browser sniffs it. It refuses
     * NaN and infinities; {@link #sendJson} turns them into JSON {@code null} first, and null is written as {@code null}.
     */
    static final Gson GSON = new com.google.gson.GsonBuilder().serializeNulls().create();
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SecurityHeaders.apply(resp);
        String method = req.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            resp.setHeader("Allow", "GET, HEAD");
            resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "read-only: only GET and HEAD");
            return;
        }
        try {
            super.service(req, resp);
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException(e);
        }
    }

    @Override
    protected final void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            get(req, resp);
        } catch (SearchTimeoutException e) {
            error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.problem(), e.fix());
        } catch (ServerBusy e) {
            resp.setHeader("Retry-After", Integer.toString(ServerBusy.RETRY_AFTER_SECONDS));
            error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.problem(), e.fix());
        } catch (VivariumException e) {
            error(resp, HttpServletResponse.SC_BAD_REQUEST, e.problem(), e.fix());
        } catch (NotFound e) {
            error(resp, HttpServletResponse.SC_NOT_FOUND, e.getMessage(), null);
        }
    }

    /**
     * @param pageFrame the frame pages are wrapped in (with the plugin pages in the navigation bar)
     */
    void frame(PageFrame pageFrame) {
        this.frame = pageFrame;
    }

    /**
     * @param title the page title (escaped here)
     * @param body the body HTML, already escaped
     * @return the full document in the server's page frame
     */
    String page(String title, String body) {
        return frame.page(title, body);
    }

    /**
     * Answers a GET.
     *
     * @param req the request
     * @param resp the response
     * @throws IOException if writing fails
     */
    abstract void get(HttpServletRequest req, HttpServletResponse resp) throws IOException;

    /**
     * @param req a request to a servlet registered as {@code /prefix/*}
     * @return the decoded path after the prefix without its leading slash, e.g. {@code sae/L1/812}; null if empty
     */
    static String rest(HttpServletRequest req) {
        String info = req.getPathInfo();
        return info == null || info.length() < 2 ? null : info.substring(1);
    }

    /** @return whether errors are answered as JSON */
    boolean json() {
        return false;
    }

    void error(HttpServletResponse resp, int status, String problem, String fix) throws IOException {
        if (json()) {
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("error", problem);
            if (fix != null) {
                body.put("fix", fix);
            }
            sendJson(resp, status, body);
        } else {
            sendHtml(resp, status, page("Error", "<h1>Error</h1><p class=\"error\">" + Html.esc(problem) + "</p>"
                    + (fix == null ? "" : "<p class=\"fix\">" + Html.esc(fix) + "</p>")));
        }
    }

    static void sendHtml(HttpServletResponse resp, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /**
     * Sends a JSON body. Numbers that are not finite (NaN, infinities: reports write NaN for numbers that do not
     * exist) are sent as {@code null}, so the body is always valid JSON (RFC 8259 has no NaN).
     */
    static void sendJson(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = GSON.toJson(FiniteJson.of(body)).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    static int intParam(HttpServletRequest req, String name, int dflt, int min, int max) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(v.trim())));
        } catch (NumberFormatException e) {
            throw new VivariumException(name + " must be a whole number, got \"" + v + "\"", "pass e.g. " + name + "=1");
        }
    }

    /** A missing page or feature: answered with 404. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }
}
