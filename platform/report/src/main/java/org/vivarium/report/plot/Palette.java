package org.vivarium.report.plot;

import java.awt.Color;

/**
 * The series colours: the Okabe-Ito palette, distinguishable with the common forms of colour blindness.
 * Colours repeat after {@link #size()} series.
 */
public final class Palette {
    private static final Color[] COLORS = {
        new Color(0x0072B2), // blue
        new Color(0xE69F00), // orange
        new Color(0x009E73), // bluish green
        new Color(0xD55E00), // vermillion
        new Color(0xCC79A7), // reddish purple
        new Color(0x56B4E9), // sky blue
        new Color(0x000000), // black
        new Color(0xC9B400), // yellow, darkened for contrast on white
    };

    private Palette() {
    }

    /**
     * Returns the colour of the i-th series.
     *
     * @param index series index, 0-based; wraps around
     * @return the colour
     */
    public static Color color(int index) {
        return COLORS[Math.floorMod(index, COLORS.length)];
    }

    /**
     * Returns how many distinct colours there are before they repeat.
     *
     * @return the palette size
     */
    public static int size() {
        return COLORS.length;
    }
}
