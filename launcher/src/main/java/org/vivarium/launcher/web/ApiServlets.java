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
            ActivationRange range = ActivationRange.of(req);
            sendJson(resp, 200, index.search(i -> SearchView.run(i, q == null ? "" : q, range, page)).json());
        }
    }

    /** {@code /api/feature/{id}}. */
    static final class Feature extends PageServlet {
        private static final long serialVersionUID = 1L;
        private final transient WebIndex index;
        private final transient FeatureArtifacts artifacts;

        Feature(WebIndex index, FeatureArtifacts artifacts) {
            this.index = index;
            this.artifacts = artifacts;
        }

        @Override
        boolean json() {
            return true;
        }

        @Override
        void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            sendJson(resp, 200, index.search(i -> FeatureView.load(i, FeaturePage.featureId(req), artifacts)).json());
        }
    }
}
