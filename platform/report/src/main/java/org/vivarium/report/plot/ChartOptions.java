package org.vivarium.report.plot;

/** Settings every chart has: texts, logical size in points and the pixel scale. */
record ChartOptions(String title, String xLabel, String yLabel, int width, int height, double scale,
        Boolean legend) {

    /** Returns whether to draw a legend for the given number of series (auto: two or more). */
    boolean showLegend(int series) {
        return legend == null ? series >= 2 : legend && series > 0;
    }
}
