package org.vivarium.launcher.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON API of the runs directory (documented in {@code docs/openapi.yaml}): {@code /api/runs[/{id}]},
 * {@code /api/audits[/{run}]} and {@code /api/leaderboards[/{id}]}. Each servlet answers its list without an id.
 */
final class RunApiServlets {
    private RunApiServlets() {
    }

    /** Base of the three: JSON errors and the runs directory. */
    abstract static class Base extends RunsPage {
        private static final long serialVersionUID = 1L;

        Base(RunsDirectory runs) {
            super(runs);
        }

        @Override
        boolean json() {
            return true;
        }

        @Override
        void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String id = rest(req);
            sendJson(resp, 200, id == null ? list() : one(id));
        }

        abstract Map<String, Object> list();

        abstract Map<String, Object> one(String id);

        Map<String, Object> root(String key, List<Object> items) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("root", runs.root().toString());
            o.put(key, items);
            return o;
        }
    }

    /** {@code /api/runs} and {@code /api/runs/{id}}. */
    static final class Runs extends Base {
        private static final long serialVersionUID = 1L;

        Runs(RunsDirectory runs) {
            super(runs);
        }

        @Override
        Map<String, Object> list() {
            List<Object> items = new ArrayList<>();
            for (String id : runs.scan().runs()) {
                items.add(RunSummary.read(id, runs.resolve(id)).json());
            }
            return root("runs", items);
        }

        @Override
        Map<String, Object> one(String id) {
            return RunView.load(runs, id).json();
        }
    }

    /** {@code /api/audits} and {@code /api/audits/{run}}. */
    static final class Audits extends Base {
        private static final long serialVersionUID = 1L;

        Audits(RunsDirectory runs) {
            super(runs);
        }

        @Override
        Map<String, Object> list() {
            List<Object> items = new ArrayList<>();
            for (String id : runs.scan().runs()) {
                RunSummary s = RunSummary.read(id, runs.resolve(id));
                if (s.audit() != null) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("run", id);
                    o.put("organism", s.organism());
                    o.putAll(s.auditJson());
                    items.add(o);
                }
            }
            return root("audits", items);
        }

        @Override
        Map<String, Object> one(String id) {
            return AuditView.load(runs, id).json();
        }
    }

    /** {@code /api/leaderboards} and {@code /api/leaderboards/{id}}. */
    static final class Leaderboards extends Base {
        private static final long serialVersionUID = 1L;

        Leaderboards(RunsDirectory runs) {
            super(runs);
        }

        @Override
        Map<String, Object> list() {
            List<Object> items = new ArrayList<>();
            for (String id : runs.scan().leaderboards()) {
                try {
                    items.add(LeaderboardView.load(runs, id).summaryJson());
                } catch (org.vivarium.api.VivariumException e) {
                    items.add(Map.of("id", id, "problem", e.problem()));
                }
            }
            return root("leaderboards", items);
        }

        @Override
        Map<String, Object> one(String id) {
            return LeaderboardView.load(runs, id).json();
        }
    }
}
