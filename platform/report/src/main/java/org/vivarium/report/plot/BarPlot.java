package org.vivarium.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.vivarium.api.VivariumException;

/**
 * Grouped bars: one group per category, one bar per series, with optional error bars and horizontal
 * reference lines.
 *
 * <pre>{@code
 * BarPlot.builder()
 *     .title("Probe accuracy by layer").xLabel("layer").yLabel("accuracy")
 *     .categories("0", "1", "2", "3")
 *     .series("linear probe", acc, accStd)
 *     .series("control task", ctrl)
 *     .referenceLine(0.5, "chance").yRange(0, 1)
 *     .build().write(Path.of("probe-acc.png"));
 * }</pre>
 *
 * <p>The y axis always includes zero, where the bars start. A NaN value leaves its bar out. Error bars are
 * symmetric half-widths ({@code series(name, values, errors)}) or bounds ({@code series(name, values, lower,
 * upper)}, e.g. a Wilson interval).
 */
public final class BarPlot implements Chart {
    private static final String CHART = "bar plot";
    private static final double MAX_CATEGORY_LABEL = 150;

    /** A series; {@code errors} are symmetric half-widths, {@code lower}/{@code upper} absolute bounds. */
    private record Series(String name, double[] values, double[] errors, double[] lower, double[] upper) {
        double low(int i) {
            if (lower != null) {
                return lower[i];
            }
            return errors == null || !Double.isFinite(errors[i]) ? values[i] : values[i] - errors[i];
        }

        double high(int i) {
            if (upper != null) {
                return upper[i];
            }
            return errors == null || !Double.isFinite(errors[i]) ? values[i] : values[i] + errors[i];
        }
    }

    private record Reference(double y, String label) {
    }

    private final ChartOptions options;
    private final List<String> categories;
    private final List<Series> series;
    private final List<Reference> references;
    private final double yLo;
    private final double yHi;

    private BarPlot(Builder b) {
        this.options = b.options();
        this.categories = List.copyOf(b.categories);
        this.series = List.copyOf(b.series);
        this.references = List.copyOf(b.references);
        this.yLo = b.yLo;
        this.yHi = b.yHi;
    }

    /**
     * Starts a new bar plot.
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
        List<String> shown = new ArrayList<>();
        categories.forEach(c -> shown.add(HouseTheme.fit(c, HouseTheme.TICK, MAX_CATEGORY_LABEL)));
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            for (int i = 0; i < s.values.length; i++) {
                double v = s.values[i];
                double e = s.errors == null ? Double.NaN : s.errors[i];
                data.add(Double.isFinite(v) ? v : null, Double.isFinite(e) && e > 0 ? e : null,
                        new SeriesKey(k, s.name), new SeriesKey(i, shown.get(i)));
            }
        }
        CategoryAxis x = new CategoryAxis(HouseTheme.label(options.xLabel()));
        x.setCategoryMargin(series.size() == 1 ? 0.3 : 0.2);
        x.setLowerMargin(0.02);
        x.setUpperMargin(0.02);
        x.setMaximumCategoryLabelLines(2);
        NumberAxis y = Axes.linear(options.yLabel());
        y.setRange(yRange()[0], yRange()[1]);
        IntervalErrorRenderer bars = new IntervalErrorRenderer();
        bars.setItemMargin(0.03);
        bars.setDrawBarOutline(false);
        bars.setErrorIndicatorPaint(new Color(0x333333));
        bars.setErrorIndicatorStroke(new BasicStroke(1.3f));
        bars.setDefaultLegendShape(HouseTheme.box());
        for (int k = 0; k < series.size(); k++) {
            bars.setSeriesPaint(k, Palette.color(k));
            bars.interval(k, series.get(k).lower, series.get(k).upper);
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, bars);
        JFreeChart chart = HouseTheme.chart(plot, options, series.size());
        double widest = 0;
        for (String c : shown) {
            widest = Math.max(widest, HouseTheme.textWidth(c, HouseTheme.TICK));
        }
        if (widest + 8 > options.width() * 0.85 / categories.size()) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            // a tilted label runs down and left from its category: make room for the first one
            Rectangle2D a = ChartImages.measure(chart, options).getPlotInfo().getDataArea();
            double reach = (widest + HouseTheme.lineHeight(HouseTheme.TICK)) * Math.sqrt(0.5);
            double overflow = reach - x.getCategoryMiddle(0, categories.size(), a, RectangleEdge.BOTTOM) + 4;
            if (overflow > 0) {
                RectangleInsets pad = chart.getPadding();
                chart.setPadding(new RectangleInsets(pad.getTop(), pad.getLeft() + overflow, pad.getBottom(),
                        pad.getRight()));
            }
        }
        plot.setRangeZeroBaselineVisible(y.getLowerBound() < 0 && y.getUpperBound() > 0);
        plot.setRangeZeroBaselinePaint(HouseTheme.AXIS);
        for (Reference r : references) {
            ValueMarker m = new ValueMarker(r.y, new Color(0x444444), new BasicStroke(1.3f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            if (!r.label.isEmpty()) {
                m.setLabel(r.label);
                m.setLabelFont(HouseTheme.SMALL);
                m.setLabelPaint(new Color(0x333333));
                m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                m.setLabelOffset(new RectangleInsets(2, 2, 2, 2));
            }
            plot.addRangeMarker(m, Layer.FOREGROUND);
        }
        return ChartImages.draw(chart, options);
    }

    /** Returns the y range: fixed, or covering zero, every bar with its error and every reference line. */
    private double[] yRange() {
        if (!Double.isNaN(yLo)) {
            return new double[] {yLo, yHi};
        }
        double min = 0;
        double max = 0;
        for (Series s : series) {
            for (int i = 0; i < s.values.length; i++) {
                if (Double.isFinite(s.values[i])) {
                    min = Math.min(min, Double.isFinite(s.low(i)) ? s.low(i) : s.values[i]);
                    max = Math.max(max, Double.isFinite(s.high(i)) ? s.high(i) : s.values[i]);
                }
            }
        }
        for (Reference r : references) {
            min = Math.min(min, r.y);
            max = Math.max(max, r.y);
        }
        double span = max > min ? max - min : 1;
        return new double[] {min < 0 ? min - 0.05 * span : min, max > 0 || min == max ? max + 0.05 * span : max};
    }

    /** Collects the categories, series and settings of a {@link BarPlot}. */
    public static final class Builder extends ChartBuilder<Builder> {
        private final List<String> categories = new ArrayList<>();
        private final List<Series> series = new ArrayList<>();
        private final List<Reference> references = new ArrayList<>();
        private double yLo = Double.NaN;
        private double yHi = Double.NaN;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the category labels, one bar group each, left to right.
         *
         * @param labels the labels, e.g. layer names
         * @return this builder
         * @throws VivariumException if there are none
         */
        public Builder categories(String... labels) {
            return categories(List.of(labels));
        }

        /**
         * Sets the category labels, one bar group each, left to right.
         *
         * @param labels the labels, e.g. steering coefficients
         * @return this builder
         * @throws VivariumException if there are none
         */
        public Builder categories(List<String> labels) {
            Checks.nonEmpty(CHART, "the category list", labels.size());
            categories.clear();
            labels.forEach(l -> categories.add(l == null ? "" : l));
            return this;
        }

        /**
         * Adds a series: one bar per category.
         *
         * @param name the legend name
         * @param values one value per category; NaN for a missing bar
         * @return this builder
         * @throws VivariumException if the array is empty or all NaN
         */
        public Builder series(String name, double[] values) {
            return add(name, values, null, null, null);
        }

        /**
         * Adds a series with symmetric error bars (e.g. standard deviation or a 95% interval half-width).
         *
         * @param name the legend name
         * @param values one value per category; NaN for a missing bar
         * @param errors one non-negative half-width per category; NaN or 0 for none
         * @return this builder
         * @throws VivariumException if the arrays are empty, differ in length, are all NaN or an error is negative
         */
        public Builder series(String name, double[] values, double[] errors) {
            Checks.sameLength(CHART, "series '" + name + "' errors", values.length, errors.length);
            for (double e : errors) {
                if (e < 0) {
                    throw new VivariumException(CHART + ": series '" + name + "' has a negative error " + e,
                            "pass error bar half-widths >= 0");
                }
            }
            return add(name, values, errors.clone(), null, null);
        }

        /**
         * Adds a series with error bars from a lower to an upper bound, which need not be symmetric about the value
         * (e.g. a 95% Wilson interval of a rate).
         *
         * @param name the legend name
         * @param values one value per category; NaN for a missing bar
         * @param lower the bottom of each error bar; NaN for none
         * @param upper the top of each error bar, at least {@code lower}; NaN for none
         * @return this builder
         * @throws VivariumException if the arrays are empty, differ in length, are all NaN or a bound pair is reversed
         */
        public Builder series(String name, double[] values, double[] lower, double[] upper) {
            Checks.sameLength(CHART, "series '" + name + "' lower bounds", values.length, lower.length);
            Checks.sameLength(CHART, "series '" + name + "' upper bounds", values.length, upper.length);
            for (int i = 0; i < lower.length; i++) {
                if (lower[i] > upper[i]) {
                    throw new VivariumException(CHART + ": series '" + name + "' has the interval [" + lower[i] + ", "
                            + upper[i] + "] at " + i, "pass lower bounds <= upper bounds");
                }
            }
            return add(name, values, null, lower.clone(), upper.clone());
        }

        private Builder add(String name, double[] values, double[] errors, double[] lower, double[] upper) {
            Checks.name(CHART, name);
            Checks.nonEmpty(CHART, "series '" + name + "'", values.length);
            boolean any = false;
            for (double v : values) {
                any |= Double.isFinite(v);
            }
            Checks.anyUsable(CHART, "series '" + name + "'", any, false);
            series.add(new Series(name, values.clone(), errors, lower, upper));
            return this;
        }

        /**
         * Adds a dashed horizontal line, e.g. chance level or a baseline.
         *
         * @param y where to draw it
         * @param label a short label drawn just right of the plot area; null or empty for none
         * @return this builder
         * @throws VivariumException if {@code y} is not finite
         */
        public Builder referenceLine(double y, String label) {
            if (!Double.isFinite(y)) {
                throw new VivariumException(CHART + ": reference line at " + y, "pass a finite y value");
            }
            references.add(new Reference(y, label == null ? "" : label));
            return this;
        }

        /**
         * Fixes the y axis range instead of fitting it to the data, e.g. 0..1 for accuracies.
         *
         * @param lo the bottom of the axis
         * @param hi the top of the axis, above {@code lo}
         * @return this builder
         * @throws VivariumException if the bounds are not finite or not increasing
         */
        public Builder yRange(double lo, double hi) {
            Checks.range(CHART, lo, hi);
            this.yLo = lo;
            this.yHi = hi;
            return this;
        }

        /**
         * Checks the settings and creates the plot.
         *
         * @return the plot
         * @throws VivariumException if categories or series are missing or a series length differs from the
         *     number of categories
         */
        public BarPlot build() {
            if (categories.isEmpty()) {
                throw new VivariumException("bar plot has no categories", "set them with categories(...)");
            }
            if (series.isEmpty()) {
                throw new VivariumException("bar plot has no series", "add one with series(name, values)");
            }
            for (Series s : series) {
                Checks.sameLength(CHART, "series '" + s.name + "'", categories.size(), s.values.length);
            }
            return new BarPlot(this);
        }
    }
}
