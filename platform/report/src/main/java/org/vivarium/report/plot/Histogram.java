package org.vivarium.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.vivarium.api.VivariumException;

/**
 * Histograms of one or more value sets over shared bins, e.g. activation values per layer. Several sets
 * are drawn translucent on top of each other, each with a solid outline.
 *
 * <pre>{@code
 * Histogram.builder()
 *     .title("MLP activations").xLabel("activation").logY(true)
 *     .series("layer 0", acts0).series("layer 3", acts3)
 *     .bins(60)
 *     .build().write(Path.of("acts.png"));
 * }</pre>
 *
 * <p>NaN and infinite values are ignored; with a fixed {@link Builder#range range}, values outside it are
 * ignored too.
 */
public final class Histogram implements Chart {
    private static final String CHART = "histogram";

    private record Series(String name, double[] values) {
    }

    private final ChartOptions options;
    private final List<Series> series;
    private final int bins;
    private final double lo;
    private final double hi;
    private final boolean logY;

    private Histogram(Builder b, double lo, double hi) {
        this.options = b.options();
        this.series = List.copyOf(b.series);
        this.bins = b.bins;
        this.lo = lo;
        this.hi = hi;
        this.logY = b.logY;
    }

    /**
     * Starts a new histogram.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Counts values into equal-width bins over {@code [lo, hi]}; the last bin includes {@code hi}.
     *
     * @param values the values; non-finite ones and those outside the range are skipped
     * @param bins the number of bins, at least 1
     * @param lo the left edge of the first bin
     * @param hi the right edge of the last bin, above {@code lo}
     * @return the count per bin
     */
    public static long[] count(double[] values, int bins, double lo, double hi) {
        long[] counts = new long[bins];
        double width = (hi - lo) / bins;
        for (double v : values) {
            if (Double.isFinite(v) && v >= lo && v <= hi) {
                counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
            }
        }
        return counts;
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
        DefaultIntervalXYDataset data = new DefaultIntervalXYDataset();
        XYBarRenderer bars = new XYBarRenderer() {
            @Override
            public LegendItem getLegendItem(int dataset, int series) {
                LegendItem item = super.getLegendItem(dataset, series);
                if (item != null) {
                    item.setFillPaint(Palette.color(series)); // a solid swatch, though the bars are translucent
                }
                return item;
            }
        };
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        bars.setDefaultLegendShape(HouseTheme.box());
        bars.setBase(logY ? 0.5 : 0);
        int alpha = series.size() == 1 ? 200 : 90;
        double width = (hi - lo) / bins;
        for (int k = 0; k < series.size(); k++) {
            long[] counts = count(series.get(k).values, bins, lo, hi);
            double[][] cols = new double[6][bins];
            for (int i = 0; i < bins; i++) {
                cols[1][i] = lo + i * width;
                cols[2][i] = i == bins - 1 ? hi : lo + (i + 1) * width;
                cols[0][i] = (cols[1][i] + cols[2][i]) / 2;
                double y = counts[i] == 0 && logY ? Double.NaN : counts[i];
                cols[3][i] = y;
                cols[4][i] = y;
                cols[5][i] = y;
            }
            data.addSeries(new SeriesKey(k, series.get(k).name), cols);
            Color c = Palette.color(k);
            bars.setSeriesPaint(k, new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha));
            bars.setSeriesOutlinePaint(k, c);
            bars.setSeriesOutlineStroke(k, new BasicStroke(1.2f));
        }
        NumberAxis x = Axes.linear(options.xLabel());
        x.setRange(lo, hi);
        String yLabel = options.yLabel().isEmpty() ? "count" : options.yLabel();
        ValueAxis y;
        if (logY) {
            y = Axes.log(yLabel);
        } else {
            NumberAxis linear = Axes.linear(yLabel);
            linear.setAutoRangeIncludesZero(true);
            y = linear;
        }
        XYPlot plot = new XYPlot(data, x, y, bars);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        JFreeChart chart = HouseTheme.chart(plot, options, series.size());
        plot.setRangeMinorGridlinesVisible(logY);
        return ChartImages.draw(chart, options);
    }

    /** Collects the value sets and settings of a {@link Histogram}. */
    public static final class Builder extends ChartBuilder<Builder> {
        private final List<Series> series = new ArrayList<>();
        private int bins = 40;
        private double lo = Double.NaN;
        private double hi = Double.NaN;
        private boolean logY;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Adds a set of values.
         *
         * @param name the legend name
         * @param values the raw values; NaN and infinite ones are ignored
         * @return this builder
         * @throws VivariumException if the array is empty or has no finite value
         */
        public Builder series(String name, double[] values) {
            Checks.name(CHART, name);
            Checks.nonEmpty(CHART, "series '" + name + "'", values.length);
            boolean any = false;
            for (double v : values) {
                any |= Double.isFinite(v);
            }
            Checks.anyUsable(CHART, "series '" + name + "'", any, false);
            series.add(new Series(name, values.clone()));
            return this;
        }

        /**
         * Adds a set of float values, e.g. a flattened activation tensor.
         *
         * @param name the legend name
         * @param values the raw values; NaN and infinite ones are ignored
         * @return this builder
         * @throws VivariumException if the array is empty or has no finite value
         */
        public Builder series(String name, float[] values) {
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = values[i];
            }
            return series(name, d);
        }

        /**
         * Sets the number of bins (default 40).
         *
         * @param count 1 to 1000
         * @return this builder
         * @throws VivariumException if the count is out of range
         */
        public Builder bins(int count) {
            if (count < 1 || count > 1000) {
                throw new VivariumException(CHART + ": " + count + " bins", "use 1 to 1000 bins");
            }
            this.bins = count;
            return this;
        }

        /**
         * Fixes the binned range instead of using the data's min and max.
         *
         * @param lo left edge of the first bin
         * @param hi right edge of the last bin, above {@code lo}
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
         * Uses a logarithmic count axis, which shows heavy tails; empty bins are left blank.
         *
         * @param log true for a log axis
         * @return this builder
         */
        public Builder logY(boolean log) {
            this.logY = log;
            return this;
        }

        /**
         * Checks the settings and creates the histogram.
         *
         * @return the histogram
         * @throws VivariumException if there are no series
         */
        public Histogram build() {
            if (series.isEmpty()) {
                throw new VivariumException("histogram has no series", "add one with series(name, values)");
            }
            if (!Double.isNaN(lo)) {
                return new Histogram(this, lo, hi);
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Series s : series) {
                for (double v : s.values) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            if (min == max) {
                double pad = min == 0 ? 0.5 : Math.abs(min) * 0.05;
                min -= pad;
                max += pad;
            }
            return new Histogram(this, min, max);
        }
    }
}
