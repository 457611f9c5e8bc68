package org.vivarium.launcher.web;

/** Base of the pages and API servlets that read the runs directory (read-only, like every page). */
abstract class RunsPage extends PageServlet {
    private static final long serialVersionUID = 1L;
    /** The runs directory. */
    final transient RunsDirectory runs;

    RunsPage(RunsDirectory runs) {
        this.runs = runs;
    }
}
