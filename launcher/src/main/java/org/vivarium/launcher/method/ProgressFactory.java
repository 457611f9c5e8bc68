package org.vivarium.launcher.method;

import org.vivarium.api.method.Progress;

/** Creates progress displays; the seam where a nicer bar (e.g. from platform/report) plugs in. */
@FunctionalInterface
public interface ProgressFactory {
    /**
     * Starts a progress display.
     *
     * @param label what is running
     * @param total units of work, or -1 if unknown
     * @param unit the unit name, e.g. {@code tok}
     * @return the display; closing it prints a summary
     */
    Progress start(String label, long total, String unit);
}
