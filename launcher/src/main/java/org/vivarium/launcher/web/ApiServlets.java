package org.vivarium.launcher.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The JSON API behind the pages (documented in {@code docs/openapi.yaml}). */
final class ApiServlets {
    private ApiServlets() {
    }

    /** {@code /api/search?q=&page=}. */
    static final class Search extends PageServlet {
        private static final long serialVersionUID = 1L;
        private final transient WebIndex index;

        Search(WebIndex index) {
            this.index = index;
        }

        @Override
        boolean json() {
            return true;
        }

        @Override
        void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String q = req.getParameter("q");
            int page = intParam(req, "page", 1, 1, Integer.MAX_VALUE);
            sendJson(resp, 200, SearchView.run(index.get(), q == null ? "" : q, page).json());
        }
    }

    /** {@code /api/feature/{id}}. */
    static final class Feature extends PageServlet {
        private static final long serialVersionUID = 1L;
        private final transient WebIndex index;

        Feature(WebIndex index) {
            this.index = index;
        }

        @Override
        boolean json() {
            return true;
        }

        @Override
        void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            sendJson(resp, 200, FeatureView.load(index.get(), FeaturePage.featureId(req)).json());
        }
    }
}
