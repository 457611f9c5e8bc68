package org.vivarium.report.plot;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        ChartCanvas.writePng(render(), png);
    }

    Rendered draw() {
        List<long[]> counts = new ArrayList<>();
        Extent ys = new Extent(logY);
        ys.add(logY ? 1 : 0);
        for (Series s : series) {
            long[] c = count(s.values, bins, lo, hi);
            counts.add(c);
            for (long n : c) {
                ys.add(n);
            }
        }
        Extent xs = new Extent(false);
        xs.add(lo);
        xs.add(hi);
        ChartCanvas c = new ChartCanvas(options.yLabel().isEmpty() ? withYLabel(options) : options);
        XYFrame f = XYFrame.numeric(c, xs, false, lo, hi, ys, logY, Double.NaN, Double.NaN);
        f.drawGrid();
        c.markBaseline();
        c.g.clip(f.area);
        int alpha = series.size() == 1 ? 200 : 90;
        List<Legend.Entry> entries = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            Color col = Palette.color(k);
            Path2D outline = outline(f, counts.get(k));
            c.g.setColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), alpha));
            c.g.fill(outline);
            c.stroke(1.4, col);
            c.g.draw(outline);
            entries.add(new Legend.Entry(series.get(k).name, col, Legend.Kind.BOX));
        }
        c.g.setClip(null);
        f.drawAxes();
        Rectangle2D legend = options.showLegend(series.size()) ? Legend.draw(c, f.area, entries) : null;
        return new Rendered(c.finish(), f.area, legend);
    }

    private static ChartOptions withYLabel(ChartOptions o) {
        return new ChartOptions(o.title(), o.xLabel(), "count", o.width(), o.height(), o.scale(), o.legend());
    }

    private Path2D outline(XYFrame f, long[] counts) {
        double base = f.area.getMaxY();
        double width = (hi - lo) / bins;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(f.px(lo), base);
        for (int i = 0; i < bins; i++) {
            double top = counts[i] > 0 ? Math.min(f.py(counts[i]), base - 1.5) : base;
            p.lineTo(f.px(lo + i * width), top);
            p.lineTo(f.px(lo + (i + 1) * width), top);
        }
        p.lineTo(f.px(hi), base);
        p.closePath();
        return p;
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
            Extent e = new Extent(false);
            for (Series s : series) {
                for (double v : s.values) {
                    e.add(v);
                }
            }
            double min = e.min();
            double max = e.max();
            if (min == max) {
                double pad = min == 0 ? 0.5 : Math.abs(min) * 0.05;
                min -= pad;
                max += pad;
            }
            return new Histogram(this, min, max);
        }
    }
}
