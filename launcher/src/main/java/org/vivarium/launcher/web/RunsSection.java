package org.vivarium.launcher.web;

import org.vivarium.api.VivariumException;

/**
 * The home page's part about the runs directory: every run with its organism, seed, check verdict and audit score,
 * and the blind-audit leaderboards, each linked to its page.
 */
final class RunsSection {
    private RunsSection() {
    }

    /**
     * @param runs the runs directory
     * @return the section's HTML
     */
    static String html(RunsDirectory runs) {
        RunsDirectory.Scan scan = runs.scan();
        StringBuilder b = new StringBuilder("<h2>Runs</h2><p class=\"note\">").append(Html.esc(runs.root().toString()))
                .append(" (viv serve --runs DIR)</p>");
        if (scan.runs().isEmpty()) {
            b.append("<p id=\"no-runs\">No runs yet: train one with <code>viv organism train induction</code>.</p>");
        } else {
            HtmlTable t = new HtmlTable("runs", "Run", "Organism", "Seed", "Trained", "Check", "Audit", "Card");
            for (String id : scan.runs()) {
                RunSummary s = RunSummary.read(id, runs.resolve(id));
                t.row(HtmlTable.link(Html.href("/run", id), id), s.organism(), s.seed(), s.createdAt(),
                        s.problem() != null ? HtmlTable.status(false, s.problem())
                                : s.passed() == null ? s.checkLabel() : HtmlTable.status(s.passed(), s.checkLabel()),
                        s.audit() == null ? "" : HtmlTable.link(Html.href("/audit", id), s.audit().describe()),
                        s.sealed() ? "sealed" : "");
            }
            b.append(t.html());
        }
        if (!scan.leaderboards().isEmpty()) {
            HtmlTable t = new HtmlTable("leaderboards", "Leaderboard", "Organism", "Seeds", "Methods");
            for (String id : scan.leaderboards()) {
                try {
                    LeaderboardView v = LeaderboardView.load(runs, id);
                    t.row(HtmlTable.link(Html.href("/leaderboard", id), id), RunJson.text(v.board(), "organism"),
                            RunJson.text(v.board(), "seeds"), String.join(", ", v.methods()));
                } catch (VivariumException e) {
                    t.row(id, HtmlTable.status(false, e.problem()), "", "");
                }
            }
            b.append("<h2>Blind-audit leaderboards</h2>").append(t.html());
        }
        return b.toString();
    }
}
