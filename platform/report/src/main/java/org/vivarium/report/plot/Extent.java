package org.vivarium.report.plot;

/** The running min/max of the finite values seen (positive values only for log axes). */
final class Extent {
    private final boolean positiveOnly;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    Extent(boolean positiveOnly) {
        this.positiveOnly = positiveOnly;
    }

    /** Adds a value if it is usable on this axis; returns whether it was. */
    boolean add(double v) {
        if (!usable(v)) {
            return false;
        }
        min = Math.min(min, v);
        max = Math.max(max, v);
        return true;
    }

    /** Returns whether a value can be placed on this axis. */
    boolean usable(double v) {
        return Double.isFinite(v) && (!positiveOnly || v > 0);
    }

    boolean isEmpty() {
        return min > max;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }
}
