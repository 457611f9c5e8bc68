package org.vivarium.report.plot;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/** A {@link ColorMap} stretched over a value range, for heatmap cells and their colour bar; NaN is light grey. */
final class ColorScale implements PaintScale, Serializable {
    private static final long serialVersionUID = 1L;
    static final Color MISSING = new Color(0xD9D9D9);

    private final ColorMap map;
    private final double lo;
    private final double hi;

    ColorScale(ColorMap map, double lo, double hi) {
        this.map = map;
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    public double getLowerBound() {
        return lo;
    }

    @Override
    public double getUpperBound() {
        return hi;
    }

    @Override
    public Paint getPaint(double value) {
        return color(value);
    }

    /** Returns the colour of a value: clamped to the range, grey for NaN and infinities. */
    Color color(double value) {
        return Double.isFinite(value) ? map.at((value - lo) / (hi - lo)) : MISSING;
    }
}
