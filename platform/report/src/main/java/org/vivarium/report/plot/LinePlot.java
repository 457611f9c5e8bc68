package org.vivarium.report.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        ChartCanvas.writePng(render(), png);
    }

    Rendered draw() {
        Extent xs = new Extent(false);
        Extent ys = new Extent(logY);
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (Double.isFinite(s.x[i]) && ys.add(s.y[i])) {
                    xs.add(s.x[i]);
                }
            }
        }
        ChartCanvas c = new ChartCanvas(options);
        XYFrame f = XYFrame.numeric(c, xs, false, ys, logY, yLo, yHi);
        f.drawGrid();
        c.markBaseline();
        c.g.clip(new Rectangle2D.Double(f.area.x - 5, f.area.y - 5, f.area.width + 10, f.area.height + 10));
        for (int k = 0; k < series.size(); k++) {
            if (!smoothed(series.get(k))) {
                continue;
            }
            Color col = Palette.color(k);
            c.stroke(1.2, new Color(col.getRed(), col.getGreen(), col.getBlue(), 70));
            c.g.draw(path(f, series.get(k).x, series.get(k).y));
        }
        List<Legend.Entry> entries = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            double[] y = smoothed(s) ? Smoothing.ema(s.y, smoothing) : s.y;
            boolean dashed = k >= Palette.size();
            if (dashed) {
                c.dashed(2, Palette.color(k));
            } else {
                c.stroke(2, Palette.color(k));
            }
            c.g.draw(path(f, s.x, y));
            if (s.x.length <= MARKER_LIMIT) {
                drawMarkers(c, f, s.x, y, Palette.color(k));
            }
            Legend.Kind kind = dashed ? Legend.Kind.DASHED_LINE : Legend.Kind.LINE;
            entries.add(new Legend.Entry(s.name, Palette.color(k), kind));
        }
        c.g.setClip(null);
        f.drawAxes();
        Rectangle2D legend = options.showLegend(series.size()) ? Legend.draw(c, f.area, entries) : null;
        return new Rendered(c.finish(), f.area, legend);
    }

    private boolean smoothed(Series s) {
        return smoothing > 0 && s.x.length > MARKER_LIMIT;
    }

    private boolean usable(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0);
    }

    private Path2D path(XYFrame f, double[] x, double[] y) {
        Path2D.Double p = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < x.length; i++) {
            if (!usable(x[i], y[i])) {
                pen = false;
                continue;
            }
            if (pen) {
                p.lineTo(f.px(x[i]), f.py(y[i]));
            } else {
                p.moveTo(f.px(x[i]), f.py(y[i]));
                p.lineTo(f.px(x[i]), f.py(y[i]));
                pen = true;
            }
        }
        return p;
    }

    private void drawMarkers(ChartCanvas c, XYFrame f, double[] x, double[] y, Color color) {
        for (int i = 0; i < x.length; i++) {
            if (usable(x[i], y[i])) {
                Ellipse2D dot = new Ellipse2D.Double(f.px(x[i]) - 3.2, f.py(y[i]) - 3.2, 6.4, 6.4);
                c.g.setColor(color);
                c.g.fill(dot);
                c.stroke(1, Color.WHITE);
                c.g.draw(dot);
            }
        }
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
