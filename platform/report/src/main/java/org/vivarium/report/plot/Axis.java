package org.vivarium.report.plot;

/** A numeric axis: a value range (linear or log) with its ticks, mapping values to fractions of the length. */
final class Axis {
    final Ticks ticks;
    final double lo;
    final double hi;
    final boolean log;

    private Axis(Ticks ticks, double lo, double hi) {
        this.ticks = ticks;
        this.lo = lo;
        this.hi = hi;
        this.log = ticks.isLog();
    }

    /**
     * Fits an axis to data: the range spans round ticks covering the data, unless fixed bounds are given.
     *
     * @param e the data extent (not empty)
     * @param log whether the axis is logarithmic
     * @param maxTicks most ticks wanted
     * @param fixedLo a fixed lower bound, or NaN to fit
     * @param fixedHi a fixed upper bound, or NaN to fit
     */
    static Axis fit(Extent e, boolean log, int maxTicks, double fixedLo, double fixedHi) {
        double min = Double.isNaN(fixedLo) ? e.min() : fixedLo;
        double max = Double.isNaN(fixedHi) ? e.max() : fixedHi;
        Ticks t = log ? Ticks.log(min, Math.max(min, max), maxTicks) : Ticks.linear(min, Math.max(min, max), maxTicks);
        double lo = Double.isNaN(fixedLo) ? t.first() : fixedLo;
        double hi = Double.isNaN(fixedHi) ? t.last() : fixedHi;
        return new Axis(t, lo, hi);
    }

    /** Returns where a value falls along the axis: 0 at the low end, 1 at the high end. */
    double fraction(double v) {
        if (log) {
            return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        }
        return hi == lo ? 0.5 : (v - lo) / (hi - lo);
    }

    /** Returns whether a tick value lies on the visible range. */
    boolean shows(double v) {
        double span = log ? 1e-9 * hi : 1e-9 * (hi - lo);
        return v >= lo - span && v <= hi + span;
    }
}
