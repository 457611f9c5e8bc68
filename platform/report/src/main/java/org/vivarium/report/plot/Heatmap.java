package org.vivarium.report.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.VivariumException;
import org.vivarium.report.internal.Numbers;

/**
 * A matrix drawn as coloured cells with row and column labels and a colour bar, e.g. head scores
 * [layer x head] or an attention pattern [query x key]. Row 0 is at the top.
 *
 * <pre>{@code
 * Heatmap.builder()
 *     .title("Induction score").xLabel("head").yLabel("layer")
 *     .matrix(scores)                 // double[layers][heads]
 *     .colorBarLabel("score")
 *     .build().write(Path.of("heads.png"));
 * }</pre>
 *
 * <p>By default the colour map is diverging (blue-white-red, centred on zero) when the data has both signs
 * and sequential (viridis) otherwise; values are printed in the cells when they fit. NaN cells are grey.
 */
public final class Heatmap implements Chart {
    private static final String CHART = "heatmap";
    private static final double MAX_LABEL = 140;

    private final ChartOptions options;
    private final double[][] matrix;
    private final List<String> rowLabels;
    private final List<String> colLabels;
    private final ColorMap map;
    private final double lo;
    private final double hi;
    private final Boolean showValues;
    private final int decimals;
    private final String colorBarLabel;

    private Heatmap(Builder b, ColorMap map) {
        this.options = b.options();
        this.matrix = b.matrix;
        this.rowLabels = b.rowLabels;
        this.colLabels = b.colLabels;
        this.map = map;
        this.lo = b.lo;
        this.hi = b.hi;
        this.showValues = b.showValues;
        this.decimals = b.decimals;
        this.colorBarLabel = b.colorBarLabel;
    }

    /**
     * Starts a new heatmap.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public BufferedImage render() {
        return draw().image();
    }

    @Override
    public void write(Path png) {
        ChartCanvas.writePng(render(), png);
    }

    Rendered draw() {
        int rows = matrix.length;
        int cols = matrix[0].length;
        ChartCanvas c = new ChartCanvas(options);
        ColorBar bar = new ColorBar(map, colorAxis(), colorBarLabel);
        double top = c.drawTitle();
        double tickH = c.lineHeight(c.tickFont);
        List<String> rl = fitted(c, rowLabels);
        List<String> cl = fitted(c, colLabels);
        double yTitle = options.yLabel().isEmpty() ? 0 : c.lineHeight(c.labelFont) + 6;
        double xTitle = options.xLabel().isEmpty() ? 0 : c.lineHeight(c.labelFont) + 6;
        double left = ChartCanvas.PAD + yTitle + widest(c, rl) + 8;
        double right = c.width() - ChartCanvas.PAD - bar.width(c);
        boolean vertical = false;
        double[] cell = null;
        double bottom = 0;
        for (int pass = 0; pass < 2; pass++) {
            double colBlock = vertical ? widest(c, cl) : tickH;
            bottom = c.height() - ChartCanvas.PAD - xTitle - colBlock - 6;
            cell = cellSize((right - left) / cols, (bottom - top) / rows);
            vertical = widest(c, cl) + 4 > cell[0];
        }
        double w = cell[0] * cols;
        double h = cell[1] * rows;
        double shift = (right - left - w) / 2;
        double barH = Math.max(h, Math.min(bottom - top, 160));
        Rectangle2D.Double area = new Rectangle2D.Double(left + shift, top + (bottom - top - barH) / 2, w, h);
        drawCells(c, bar, area, cell[0], cell[1]);
        if (printValues(c, cell[0], cell[1])) {
            drawValues(c, bar, area, cell[0], cell[1]);
        }
        c.stroke(1, ChartCanvas.AXIS);
        c.g.draw(area);
        drawLabels(c, area, cell[0], cell[1], rl, cl, vertical, tickH);
        bar.draw(c, new Rectangle2D.Double(area.x, area.y, w, barH));
        return new Rendered(c.finish(), area, null);
    }

    /** Square cells unless that wastes most of the space; then at most 4:1 (or 40 units on the long side). */
    private static double[] cellSize(double cw, double ch) {
        if (Math.max(cw, ch) <= 2 * Math.min(cw, ch)) {
            double s = Math.min(cw, ch);
            return new double[] {s, s};
        }
        if (cw > ch) {
            return new double[] {Math.min(cw, Math.max(4 * ch, 40)), ch};
        }
        return new double[] {cw, Math.min(ch, Math.max(4 * cw, 40))};
    }

    private Axis colorAxis() {
        Extent e = new Extent(false);
        for (double[] row : matrix) {
            for (double v : row) {
                e.add(v);
            }
        }
        if (!Double.isNaN(lo)) {
            return Axis.fit(e, false, 7, lo, hi);
        }
        if (map.diverging()) {
            double lim = Math.max(Math.abs(e.min()), Math.abs(e.max()));
            Extent sym = new Extent(false);
            sym.add(-lim);
            sym.add(lim);
            return Axis.fit(sym, false, 7, Double.NaN, Double.NaN);
        }
        return Axis.fit(e, false, 7, Double.NaN, Double.NaN);
    }

    private void drawCells(ChartCanvas c, ColorBar bar, Rectangle2D.Double a, double cw, double ch) {
        c.g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        for (int r = 0; r < matrix.length; r++) {
            for (int k = 0; k < matrix[r].length; k++) {
                c.g.setColor(bar.color(matrix[r][k]));
                c.g.fill(new Rectangle2D.Double(a.x + k * cw, a.y + r * ch, cw, ch));
            }
        }
        c.g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (Math.min(cw, ch) >= 14) {
            c.stroke(1, Color.WHITE);
            for (int r = 1; r < matrix.length; r++) {
                c.g.draw(new Line2D.Double(a.x, a.y + r * ch, a.getMaxX(), a.y + r * ch));
            }
            for (int k = 1; k < matrix[0].length; k++) {
                c.g.draw(new Line2D.Double(a.x + k * cw, a.y, a.x + k * cw, a.getMaxY()));
            }
        }
    }

    private boolean printValues(ChartCanvas c, double cw, double ch) {
        if (showValues != null) {
            return showValues;
        }
        if (matrix.length * matrix[0].length > 900 || ch < c.lineHeight(c.smallFont) + 4) {
            return false;
        }
        for (double[] row : matrix) {
            for (double v : row) {
                if (Double.isFinite(v) && c.textWidth(Numbers.fixed(v, decimals), c.smallFont) + 6 > cw) {
                    return false;
                }
            }
        }
        return true;
    }

    private void drawValues(ChartCanvas c, ColorBar bar, Rectangle2D.Double a, double cw, double ch) {
        Font font = Math.min(cw, ch) >= 40 ? c.tickFont : c.smallFont;
        for (int r = 0; r < matrix.length; r++) {
            for (int k = 0; k < matrix[r].length; k++) {
                double v = matrix[r][k];
                if (!Double.isFinite(v)) {
                    continue;
                }
                Color bg = bar.color(v);
                double lum = (0.299 * bg.getRed() + 0.587 * bg.getGreen() + 0.114 * bg.getBlue()) / 255;
                Color fg = lum < 0.55 ? Color.WHITE : ChartCanvas.TEXT;
                c.text(Numbers.fixed(v, decimals), a.x + (k + 0.5) * cw, a.y + (r + 0.5) * ch, 0.5, 0.5, font, fg, 0);
            }
        }
    }

    private void drawLabels(ChartCanvas c, Rectangle2D.Double a, double cw, double ch, List<String> rl,
            List<String> cl, boolean vertical, double tickH) {
        int rowEvery = (int) Math.max(1, Math.ceil(tickH * 1.1 / ch));
        for (int r = 0; r < rl.size(); r += rowEvery) {
            c.text(rl.get(r), a.x - 6, a.y + (r + 0.5) * ch, 1, 0.5, c.tickFont, ChartCanvas.MUTED, 0);
        }
        int colEvery = vertical ? (int) Math.max(1, Math.ceil(tickH * 1.1 / cw)) : 1;
        for (int k = 0; k < cl.size(); k += colEvery) {
            double x = a.x + (k + 0.5) * cw;
            if (vertical) {
                c.text(cl.get(k), x, a.getMaxY() + 5, 1, 0.5, c.tickFont, ChartCanvas.MUTED, -90);
            } else {
                c.text(cl.get(k), x, a.getMaxY() + 5, 0.5, 0, c.tickFont, ChartCanvas.MUTED, 0);
            }
        }
        if (!options.xLabel().isEmpty()) {
            double block = vertical ? widest(c, cl) : tickH;
            double y = Math.min(c.height() - ChartCanvas.PAD, a.getMaxY() + 5 + block + 6 + c.lineHeight(c.labelFont));
            c.text(c.fit(options.xLabel(), c.labelFont, c.width()), a.getCenterX(), y, 0.5, 1, c.labelFont,
                    ChartCanvas.TEXT, 0);
        }
        if (!options.yLabel().isEmpty()) {
            double x = a.x - 6 - widest(c, rl) - 8 - c.lineHeight(c.labelFont);
            c.text(c.fit(options.yLabel(), c.labelFont, a.height), x, a.getCenterY(), 0.5, 0,
                    c.labelFont, ChartCanvas.TEXT, -90);
        }
    }

    private static List<String> fitted(ChartCanvas c, List<String> labels) {
        List<String> out = new ArrayList<>();
        labels.forEach(s -> out.add(c.fit(s, c.tickFont, MAX_LABEL)));
        return out;
    }

    private static double widest(ChartCanvas c, List<String> labels) {
        double w = 0;
        for (String s : labels) {
            w = Math.max(w, c.textWidth(s, c.tickFont));
        }
        return w;
    }

    /** Collects the matrix, labels and settings of a {@link Heatmap}. */
    public static final class Builder extends ChartBuilder<Builder> {
        private double[][] matrix;
        private List<String> rowLabels;
        private List<String> colLabels;
        private ColorMap map;
        private double lo = Double.NaN;
        private double hi = Double.NaN;
        private Boolean showValues;
        private int decimals = 2;
        private String colorBarLabel = "";

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the matrix, {@code values[row][column]}.
         *
         * @param values a rectangular matrix; NaN cells are drawn grey
         * @return this builder
         * @throws VivariumException if it is empty, ragged or has no finite value
         */
        public Builder matrix(double[][] values) {
            Checks.nonEmpty(CHART, "the matrix", values.length);
            Checks.nonEmpty(CHART, "matrix row 0", values[0].length);
            double[][] copy = new double[values.length][];
            boolean any = false;
            for (int r = 0; r < values.length; r++) {
                Checks.sameLength(CHART, "matrix row " + r, values[0].length, values[r].length);
                copy[r] = values[r].clone();
                for (double v : copy[r]) {
                    any |= Double.isFinite(v);
                }
            }
            Checks.anyUsable(CHART, "the matrix", any, false);
            this.matrix = copy;
            return this;
        }

        /**
         * Sets the row labels (default 0, 1, 2, ...).
         *
         * @param labels one per matrix row
         * @return this builder
         */
        public Builder rowLabels(List<String> labels) {
            this.rowLabels = List.copyOf(labels);
            return this;
        }

        /**
         * Sets the column labels (default 0, 1, 2, ...), e.g. the key tokens of an attention pattern.
         *
         * @param labels one per matrix column
         * @return this builder
         */
        public Builder columnLabels(List<String> labels) {
            this.colLabels = List.copyOf(labels);
            return this;
        }

        /**
         * Chooses the colour map instead of picking one from the data's signs.
         *
         * @param map the map
         * @return this builder
         */
        public Builder colorMap(ColorMap map) {
            this.map = map;
            return this;
        }

        /**
         * Fixes the value range of the colour scale, e.g. 0..1 for attention probabilities.
         *
         * @param lo the value mapped to the low end
         * @param hi the value mapped to the high end, above {@code lo}
         * @return this builder
         * @throws VivariumException if the bounds are not finite or not increasing
         */
        public Builder range(double lo, double hi) {
            Checks.range(CHART, lo, hi);
            this.lo = lo;
            this.hi = hi;
            return this;
        }

        /**
         * Forces the printed cell values on or off; by default they are printed when they fit.
         *
         * @param show true to print, false to hide
         * @return this builder
         */
        public Builder showValues(boolean show) {
            this.showValues = show;
            return this;
        }

        /**
         * Sets the decimals of printed cell values (default 2).
         *
         * @param decimals 0 to 6
         * @return this builder
         * @throws VivariumException if out of range
         */
        public Builder valueDecimals(int decimals) {
            if (decimals < 0 || decimals > 6) {
                throw new VivariumException(CHART + ": " + decimals + " decimals", "use 0 to 6 decimals");
            }
            this.decimals = decimals;
            return this;
        }

        /**
         * Sets the title beside the colour bar.
         *
         * @param text the title, e.g. {@code "attention"}; null or empty for none
         * @return this builder
         */
        public Builder colorBarLabel(String text) {
            this.colorBarLabel = text == null ? "" : text;
            return this;
        }

        /**
         * Checks the settings and creates the heatmap.
         *
         * @return the heatmap
         * @throws VivariumException if the matrix is missing or the label counts do not match it
         */
        public Heatmap build() {
            if (matrix == null) {
                throw new VivariumException("heatmap has no matrix", "set one with matrix(double[][])");
            }
            rowLabels = labels(rowLabels, matrix.length, "row labels");
            colLabels = labels(colLabels, matrix[0].length, "column labels");
            ColorMap chosen = map;
            if (chosen == null) {
                Extent e = new Extent(false);
                for (double[] row : matrix) {
                    for (double v : row) {
                        e.add(v);
                    }
                }
                boolean fixed = !Double.isNaN(lo);
                double min = fixed ? lo : e.min();
                double max = fixed ? hi : e.max();
                chosen = min < 0 && max > 0 ? ColorMap.BLUE_RED : ColorMap.VIRIDIS;
            }
            return new Heatmap(this, chosen);
        }

        private static List<String> labels(List<String> given, int n, String what) {
            if (given == null) {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    out.add(Integer.toString(i));
                }
                return out;
            }
            Checks.sameLength(CHART, what, n, given.size());
            return given;
        }
    }
}
