package org.vivarium.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYZDataset;
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
        ChartImages.write(render(), png);
    }

    Rendered draw() {
        int rows = matrix.length;
        int cols = matrix[0].length;
        double[] range = colorRange();
        ColorScale scale = new ColorScale(map, range[0], range[1]);
        List<String> cl = fitted(colLabels);
        Axes.LabelAxis x = new Axes.LabelAxis(options.xLabel(), cl);
        Axes.LabelAxis y = new Axes.LabelAxis(options.yLabel(), fitted(rowLabels));
        y.setInverted(true);
        CellRenderer cells = new CellRenderer(scale, dataset());
        XYPlot plot = new XYPlot(cells.data, x, y, cells);
        NumberAxis barAxis = Axes.linear(colorBarLabel);
        barAxis.setRange(range[0], range[1]);
        PaintScaleLegend bar = new PaintScaleLegend(scale, barAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(14);
        bar.setStripOutlineVisible(true);
        bar.setSubdivisionCount(256);
        bar.setAxisOffset(0);
        bar.setMargin(0, 16, 0, 0); // the vertical margins follow the cells, once they are laid out
        JFreeChart chart = HouseTheme.chart(plot, options, 0, bar);
        bar.setStripOutlinePaint(HouseTheme.AXIS);
        barAxis.setTickMarkPaint(HouseTheme.AXIS);
        barAxis.setAxisLineVisible(false);
        barAxis.setTickLabelInsets(new RectangleInsets(13, 4, 13, 4)); // at least ~40 units between labels
        barAxis.setLabelAngle(Math.PI); // read bottom to top, like the y axis title
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(true);
        plot.setOutlinePaint(HouseTheme.AXIS);
        plot.setOutlineStroke(new BasicStroke(1f));

        ChartRenderingInfo info = fitCells(chart, plot, x, cl);
        Rectangle2D a = info.getPlotInfo().getDataArea();
        double cw = a.getWidth() / cols;
        double ch = a.getHeight() / rows;
        if (printValues(cw, ch)) {
            cells.showValues(decimals, Math.min(cw, ch) >= 40);
        }
        if (Math.min(cw, ch) >= 14) {
            separators(plot, rows, cols);
        }
        // the colour bar spans the cells, or at least 160 units, centred on them. Its title area has the
        // height of the plot area, which JFreeChart reports less the plot insets
        Rectangle2D p = info.getPlotInfo().getPlotArea();
        double top = p.getY() - plot.getInsets().getTop();
        double bottom = p.getMaxY() + plot.getInsets().getBottom();
        double extra = Math.max(0, (Math.min(160, bottom - top) - a.getHeight()) / 2);
        RectangleInsets pad = bar.getPadding();
        bar.setMargin(Math.max(0, a.getY() - top - pad.getTop() - extra), 16,
                Math.max(0, bottom - a.getMaxY() - pad.getBottom() - extra), 0);
        return ChartImages.draw(chart, options);
    }

    /**
     * Pads the chart until the cells have the shape {@link #cellSize} wants (JFreeChart fills whatever space
     * it is given), turning the column labels vertical when they are wider than a cell.
     *
     * @return the final layout
     */
    private ChartRenderingInfo fitCells(JFreeChart chart, XYPlot plot, Axes.LabelAxis x, List<String> columns) {
        int rows = matrix.length;
        int cols = matrix[0].length;
        double widest = 0;
        for (String s : columns) {
            widest = Math.max(widest, HouseTheme.textWidth(s, HouseTheme.TICK));
        }
        double padX = 0;
        double padY = 0;
        ChartRenderingInfo info = ChartImages.measure(chart, options);
        for (int pass = 0; pass < 4; pass++) {
            Rectangle2D a = info.getPlotInfo().getDataArea();
            double[] cell = cellSize(a.getWidth() / cols, a.getHeight() / rows);
            boolean vertical = widest + 4 > cell[0];
            double dx = a.getWidth() - cell[0] * cols;
            double dy = a.getHeight() - cell[1] * rows;
            if (dx < 1 && dy < 1 && vertical == x.isVerticalTickLabels()) {
                break;
            }
            x.setVertical(vertical);
            padX += dx / 2;
            padY += dy / 2;
            RectangleInsets pad = chart.getPadding();
            chart.setPadding(new RectangleInsets(pad.getTop(), 10 + padX, pad.getBottom(), 14 + padX));
            plot.setInsets(new RectangleInsets(4 + padY, 4, 4 + padY, 4));
            info = ChartImages.measure(chart, options);
        }
        return info;
    }

    private DefaultXYZDataset dataset() {
        int n = matrix.length * matrix[0].length;
        double[][] xyz = new double[3][n];
        int i = 0;
        for (int r = 0; r < matrix.length; r++) {
            for (int k = 0; k < matrix[r].length; k++) {
                xyz[0][i] = k;
                xyz[1][i] = r;
                xyz[2][i++] = matrix[r][k];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("cells", xyz);
        return data;
    }

    private static void separators(XYPlot plot, int rows, int cols) {
        BasicStroke thin = new BasicStroke(1f);
        for (int r = 1; r < rows; r++) {
            plot.addAnnotation(new XYLineAnnotation(-0.5, r - 0.5, cols - 0.5, r - 0.5, thin, Color.WHITE), false);
        }
        for (int k = 1; k < cols; k++) {
            plot.addAnnotation(new XYLineAnnotation(k - 0.5, -0.5, k - 0.5, rows - 0.5, thin, Color.WHITE), false);
        }
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

    /** Returns the colour scale's range: fixed, symmetric around zero (diverging maps), or the data's. */
    private double[] colorRange() {
        if (!Double.isNaN(lo)) {
            return new double[] {lo, hi};
        }
        double[] e = extent(matrix);
        if (map.diverging()) {
            double lim = Math.max(Math.abs(e[0]), Math.abs(e[1]));
            return lim == 0 ? new double[] {-1, 1} : new double[] {-lim, lim};
        }
        if (e[0] == e[1]) {
            double pad = e[0] == 0 ? 1 : Math.abs(e[0]) * 0.1;
            return new double[] {e[0] - pad, e[1] + pad};
        }
        return e;
    }

    private static double[] extent(double[][] m) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : m) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }

    private boolean printValues(double cw, double ch) {
        if (showValues != null) {
            return showValues;
        }
        if (matrix.length * matrix[0].length > 900 || ch < HouseTheme.lineHeight(HouseTheme.SMALL) + 4) {
            return false;
        }
        for (double[] row : matrix) {
            for (double v : row) {
                if (Double.isFinite(v) && HouseTheme.textWidth(Numbers.fixed(v, decimals), HouseTheme.SMALL) + 6 > cw) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> fitted(List<String> labels) {
        List<String> out = new ArrayList<>();
        labels.forEach(s -> out.add(HouseTheme.fit(s, HouseTheme.TICK, MAX_LABEL)));
        return out;
    }

    /** Cells coloured by the scale, with optional values in white or black, whichever reads on the cell. */
    private static final class CellRenderer extends XYBlockRenderer {
        private static final long serialVersionUID = 1L;
        private final transient ColorScale scale;
        private final transient DefaultXYZDataset data;

        CellRenderer(ColorScale scale, DefaultXYZDataset data) {
            this.scale = scale;
            this.data = data;
            setPaintScale(scale);
        }

        void showValues(int decimals, boolean large) {
            setDefaultItemLabelGenerator((dataset, series, item) -> {
                double z = ((XYZDataset) dataset).getZValue(series, item);
                return Double.isFinite(z) ? Numbers.fixed(z, decimals) : "";
            });
            setDefaultItemLabelFont(large ? HouseTheme.TICK : HouseTheme.SMALL);
            ItemLabelPosition centre = new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER);
            setDefaultPositiveItemLabelPosition(centre);
            setDefaultNegativeItemLabelPosition(centre);
            setDefaultItemLabelsVisible(true);
        }

        @Override
        public Paint getItemLabelPaint(int series, int item) {
            Color bg = scale.color(data.getZValue(series, item));
            double lum = (0.299 * bg.getRed() + 0.587 * bg.getGreen() + 0.114 * bg.getBlue()) / 255;
            return lum < 0.55 ? Color.WHITE : HouseTheme.TEXT;
        }
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
                double[] e = Double.isNaN(lo) ? extent(matrix) : new double[] {lo, hi};
                chosen = e[0] < 0 && e[1] > 0 ? ColorMap.BLUE_RED : ColorMap.VIRIDIS;
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
