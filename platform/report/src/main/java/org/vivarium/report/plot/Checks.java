package org.vivarium.report.plot;

import org.vivarium.api.VivariumException;

/** Input checks shared by the chart builders; each failure names the chart, the problem and the fix. */
final class Checks {
    private Checks() {
    }

    static void name(String chart, String name) {
        if (name == null || name.isBlank()) {
            throw new VivariumException(chart + ": a series has no name", "give every series a non-empty name");
        }
    }

    static void nonEmpty(String chart, String what, int length) {
        if (length == 0) {
            throw new VivariumException(chart + ": " + what + " is empty", "pass at least one value");
        }
    }

    static void sameLength(String chart, String what, int expected, int actual) {
        if (expected != actual) {
            throw new VivariumException(chart + ": " + what + " has " + actual + " values but " + expected
                    + " were expected", "pass arrays of matching length");
        }
    }

    static void anyUsable(String chart, String what, boolean any, boolean log) {
        if (!any) {
            throw new VivariumException(chart + ": " + what + " has no finite" + (log ? " positive" : "")
                    + " values", log ? "drop the log scale or check the data for zeros/NaN"
                            : "check the data for NaN or infinite values");
        }
    }

    static void range(String chart, double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo >= hi) {
            throw new VivariumException(chart + ": range [" + lo + ", " + hi + "] is invalid",
                    "pass finite bounds with low < high");
        }
    }
}
