package org.vivarium.launcher.method;

import java.io.PrintStream;
import org.vivarium.report.progress.ProgressBar;

/** Progress displays for plugin commands: the platform's {@link ProgressBar} (tqdm-style, rate and ETA). */
public final class ReportProgress {

    private ReportProgress() {
    }

    /**
     * A factory drawing bars on {@code out}, redrawn in place when a console is attached.
     *
     * @param out the stream, usually stderr so results on stdout stay clean
     * @return the factory
     */
    public static ProgressFactory factory(PrintStream out) {
        return (label, total, unit) -> ProgressBar.builder(label)
                .total(total > 0 ? total : -1)
                .unit(unit == null || unit.isBlank() ? "it" : unit)
                .out(out)
                .build();
    }
}
