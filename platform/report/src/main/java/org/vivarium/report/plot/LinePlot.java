package org.vivarium.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.vivarium.api.VivariumException;

/**
 * A line chart of named (x, y) series, e.g. training and validation loss over steps.
 *
 * <pre>{@code
 * LinePlot.builder()
 *     .title("Induction organism").xLabel("step").yLabel("loss")
 *     .series("train", steps, trainLoss)
 *     .series("val", evalSteps, valLoss)
 *     .smoothing(0.9).logY(true).scale(2)
 *     .build().write(Path.of("runs/x/loss.png"));
 * }</pre>
 *
 * <p>NaN or infinite points (and non-positive ones on a log axis) leave a gap in the line. Sparse series
 * (at most 40 points, e.g. evaluations) get a marker at every point and are never smoothed. Once the
 * {@link Palette} colours run out, further series are dashed.
 */
public final class LinePlot implements Chart {
    private static final String CHART = "line plot";
    private static final int MARKER_LIMIT = 40;

    private record Series(String name, double[] x, double[] y) {
    }

    private final ChartOptions options;
    private final List<Series> series;
    private final boolean logY;
    private final double smoothing;
    private final double yLo;
    private final double yHi;

    private LinePlot(Builder b) {
        this.options = b.options();
        this.series = List.copyOf(b.series);
        this.logY = b.logY;
        this.smoothing = b.smoothing;
        this.yLo = b.yLo;
        this.yHi = b.yHi;
    }

    /**
     * Starts a new line plot.
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
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeriesCollection raw = new XYSeriesCollection();
        XYLineAndShapeRenderer main = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer faint = new XYLineAndShapeRenderer(true, false);
        faint.setDefaultSeriesVisibleInLegend(false);
        main.setUseOutlinePaint(true);
        main.setDefaultOutlinePaint(Color.WHITE);
        main.setDefaultOutlineStroke(new BasicStroke(1f));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            Color color = Palette.color(k);
            if (smoothed(s)) {
                raw.addSeries(xy(new SeriesKey(k, s.name), s.x, s.y));
                int r = raw.getSeriesCount() - 1;
                faint.setSeriesPaint(r, new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
                faint.setSeriesStroke(r, new BasicStroke(1.2f));
            }
            lines.addSeries(xy(new SeriesKey(k, s.name), s.x, smoothed(s) ? Smoothing.ema(s.y, smoothing) : s.y));
            main.setSeriesPaint(k, color);
            main.setSeriesStroke(k, k < Palette.size() ? new BasicStroke(2f, BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND) : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
            if (s.x.length <= MARKER_LIMIT) {
                main.setSeriesShapesVisible(k, true);
                main.setSeriesShape(k, new Ellipse2D.Double(-3.2, -3.2, 6.4, 6.4));
            }
        }
        NumberAxis x = Axes.linear(options.xLabel());
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        ValueAxis y = logY ? Axes.log(options.yLabel()) : Axes.linear(options.yLabel());
        if (!Double.isNaN(yLo)) {
            y.setRange(yLo, yHi);
        }
        XYPlot plot = new XYPlot(lines, x, y, main);
        plot.setDataset(1, raw);
        plot.setRenderer(1, faint);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        JFreeChart chart = HouseTheme.chart(plot, options, series.size());
        plot.setRangeMinorGridlinesVisible(logY);
        return ChartImages.draw(chart, options);
    }

    private boolean smoothed(Series s) {
        return smoothing > 0 && s.x.length > MARKER_LIMIT;
    }

    /** Copies points in order; unusable ones (NaN, infinite, non-positive on a log axis) become gaps. */
    private XYSeries xy(SeriesKey key, double[] x, double[] y) {
        XYSeries out = new XYSeries(key, false, true);
        for (int i = 0; i < x.length; i++) {
            boolean usable = Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logY || y[i] > 0);
            out.add(Double.isFinite(x[i]) ? x[i] : Double.NaN, usable ? y[i] : Double.NaN, false);
        }
        return out;
    }

    /** Collects the series and settings of a {@link LinePlot}. */
    public static final class Builder extends ChartBuilder<Builder> {
        private final List<Series> series = new ArrayList<>();
        private boolean logY;
        private double smoothing;
        private double yLo = Double.NaN;
        private double yHi = Double.NaN;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Adds a series of (x, y) points, drawn in order.
         *
         * @param name the legend name
         * @param x the x values
         * @param y the y values, as many as {@code x}
         * @return this builder
         * @throws VivariumException if the arrays are empty, differ in length or hold no finite point
         */
        public Builder series(String name, double[] x, double[] y) {
            Checks.name(CHART, name);
            Checks.nonEmpty(CHART, "series '" + name + "'", y.length);
            Checks.sameLength(CHART, "series '" + name + "' y", x.length, y.length);
            boolean any = false;
            for (int i = 0; i < x.length && !any; i++) {
                any = Double.isFinite(x[i]) && Double.isFinite(y[i]);
            }
            Checks.anyUsable(CHART, "series '" + name + "'", any, false);
            series.add(new Series(name, x.clone(), y.clone()));
            return this;
        }

        /**
         * Adds a series whose x values are 0, 1, 2, ...
         *
         * @param name the legend name
         * @param y the y values
         * @return this builder
         * @throws VivariumException if the array is empty or holds no finite value
         */
        public Builder series(String name, double[] y) {
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            return series(name, x, y);
        }

        /**
         * Uses a logarithmic y axis; points with y &lt;= 0 are skipped.
         *
         * @param log true for a log axis
         * @return this builder
         */
        public Builder logY(boolean log) {
            this.logY = log;
            return this;
        }

        /**
         * Overlays an exponential moving average on every dense series (more than 40 points), drawing the
         * raw curve faintly behind it.
         *
         * @param weight the EMA weight in [0, 1), e.g. 0.9; 0 turns smoothing off
         * @return this builder
         * @throws VivariumException if the weight is outside [0, 1)
         */
        public Builder smoothing(double weight) {
            Smoothing.ema(new double[0], weight);
            this.smoothing = weight;
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
         * @throws VivariumException if there are no series, or a log axis has no positive value
         */
        public LinePlot build() {
            if (series.isEmpty()) {
                throw new VivariumException("line plot has no series", "add one with series(name, x, y)");
            }
            for (Series s : series) {
                boolean any = false;
                for (int i = 0; i < s.y.length && !any; i++) {
                    any = Double.isFinite(s.x[i]) && Double.isFinite(s.y[i]) && (!logY || s.y[i] > 0);
                }
                Checks.anyUsable(CHART, "series '" + s.name + "'", any, logY);
            }
            if (logY && !Double.isNaN(yLo) && yLo <= 0) {
                throw new VivariumException("line plot: log y range starts at " + yLo, "use a positive lower bound");
            }
            return new LinePlot(this);
        }
    }
}
