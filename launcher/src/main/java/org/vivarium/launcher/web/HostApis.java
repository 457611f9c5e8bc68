package org.vivarium.launcher.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.web.WebHost;

/** The JSON endpoints plugin pages rely on: {@code /api/pages} and {@code /api/csrf} (in {@code docs/openapi.yaml}). */
final class HostApis {
    private HostApis() {
    }

    /** {@code /api/pages}: the pages installed plugins contribute. */
    static final class Pages extends PageServlet {
        private static final long serialVersionUID = 1L;
        private final transient PluginPages pages;

        Pages(PluginPages pages) {
            this.pages = pages;
        }

        @Override
        boolean json() {
            return true;
        }

        @Override
        void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("pages", pages.json());
            sendJson(resp, 200, root);
        }
    }

    /** {@code /api/csrf}: the token a script's POST carries (readable by same-origin pages and local scripts only). */
    static final class Csrf extends PageServlet {
        private static final long serialVersionUID = 1L;
        private final transient CsrfToken token;

        Csrf(CsrfToken token) {
            this.token = token;
        }

        @Override
        boolean json() {
            return true;
        }

        @Override
        void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("token", token.value());
            root.put("header", WebHost.CSRF_HEADER);
            root.put("parameter", WebHost.CSRF_PARAMETER);
            sendJson(resp, 200, root);
        }
    }
}
