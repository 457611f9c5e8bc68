package org.vivarium.launcher.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A whiteboard filter over every path, so plugin pages get the host's security headers too: a
 * Content-Security-Policy that allows no script and posts only to this origin, {@code nosniff}, no referrer, no
 * framing and no caching (a servlet may relax caching for its own static files).
 */
final class SecurityHeaders extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        apply(resp);
        chain.doFilter(req, resp);
    }

    /**
     * Sets the headers.
     *
     * @param resp the response
     */
    static void apply(HttpServletResponse resp) {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Content-Security-Policy", PageServlet.CSP);
        resp.setHeader("Cache-Control", "no-store");
    }
}
