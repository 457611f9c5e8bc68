package org.vivarium.report.plot;

import java.awt.Color;

/** Colour maps for {@link Heatmap}: perceptually ordered and readable with colour blindness. */
public enum ColorMap {
    /** Sequential dark-purple to yellow (matplotlib's viridis), for non-negative data such as attention. */
    VIRIDIS(false, 0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C,
            0xFDE725),
    /** Sequential white to dark blue, for counts and scores where "more" should look darker. */
    BLUES(false, 0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B),
    /** Diverging blue-white-red (ColorBrewer RdBu reversed): negative blue, zero white, positive red. */
    BLUE_RED(true, 0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D,
            0xB2182B, 0x67001F);

    private final boolean diverging;
    private final int[] stops;

    ColorMap(boolean diverging, int... stops) {
        this.diverging = diverging;
        this.stops = stops;
    }

    /**
     * Returns whether the map is diverging (its middle colour marks zero).
     *
     * @return true for diverging maps
     */
    public boolean diverging() {
        return diverging;
    }

    /**
     * Returns the colour at a position along the map.
     *
     * @param t position in [0, 1]; clamped
     * @return the interpolated colour
     */
    public Color at(double t) {
        double c = Double.isNaN(t) ? 0.5 : Math.max(0, Math.min(1, t));
        double pos = c * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(pos));
        double f = pos - i;
        int a = stops[i];
        int b = stops[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }
}
