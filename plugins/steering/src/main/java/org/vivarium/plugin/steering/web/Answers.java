package org.vivarium.plugin.steering.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.vivarium.api.VivariumException;
import org.vivarium.api.web.WebHost;

/** Writing answers and checking the CSRF token, shared by the page and the JSON API. */
final class Answers {
    private Answers() {
    }

    /**
     * @param req a POST
     * @param web the host
     * @return whether it carries the host's CSRF token, as a form field or a header
     */
    static boolean csrfValid(HttpServletRequest req, WebHost web) {
        String header = req.getHeader(WebHost.CSRF_HEADER);
        return web.csrfValid(header != null ? header : req.getParameter(WebHost.CSRF_PARAMETER));
    }

    /**
     * @param e a refusal
     * @return 503 when another generation is running, else 400
     */
    static int status(VivariumException e) {
        return e instanceof Playground.Busy ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                : HttpServletResponse.SC_BAD_REQUEST;
    }

    static void html(HttpServletResponse resp, int status, String document) throws IOException {
        send(resp, status, "text/html; charset=utf-8", document);
    }

    static void json(HttpServletResponse resp, int status, String json) throws IOException {
        send(resp, status, "application/json; charset=utf-8", json);
    }

    private static void send(HttpServletResponse resp, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            resp.setHeader("Retry-After", "5");
        }
        resp.setContentType(type);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
