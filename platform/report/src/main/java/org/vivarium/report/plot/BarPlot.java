package org.vivarium.report.plot;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * <p>The y axis always includes zero, where the bars start. A NaN value leaves its bar out.
 */
public final class BarPlot implements Chart {
    private static final String CHART = "bar plot";

    private record Series(String name, double[] values, double[] errors) {
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
        ChartCanvas.writePng(render(), png);
    }

    Rendered draw() {
        Extent ys = new Extent(false);
        ys.add(0);
        for (Series s : series) {
            for (int i = 0; i < s.values.length; i++) {
                double e = s.errors == null || !Double.isFinite(s.errors[i]) ? 0 : s.errors[i];
                ys.add(s.values[i] - e);
                ys.add(s.values[i] + e);
            }
        }
        references.forEach(r -> ys.add(r.y));
        ChartCanvas c = new ChartCanvas(options);
        double reserve = 0;
        for (Reference r : references) {
            reserve = Math.max(reserve, r.label.isEmpty() ? 0 : c.textWidth(r.label, c.smallFont) + 6);
        }
        XYFrame f = XYFrame.categorical(c, categories, ys, yLo, yHi, reserve);
        f.drawGrid();
        c.markBaseline();
        c.g.clip(f.area);
        double slot = f.slot();
        double group = slot * (series.size() == 1 ? 0.7 : 0.8);
        double bar = group / series.size();
        double gap = bar > 8 ? 1.5 : 0;
        double base = f.py(Math.max(f.y.lo, Math.min(f.y.hi, 0)));
        List<Legend.Entry> entries = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            Color color = Palette.color(k);
            for (int i = 0; i < s.values.length; i++) {
                double v = s.values[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double x0 = f.area.x + i * slot + (slot - group) / 2 + k * bar + gap / 2;
                double top = f.py(v);
                c.g.setColor(color);
                c.g.fill(new Rectangle2D.Double(x0, Math.min(top, base), bar - gap, Math.abs(base - top)));
                if (s.errors != null && Double.isFinite(s.errors[i]) && s.errors[i] > 0) {
                    drawError(c, f, x0 + (bar - gap) / 2, v, s.errors[i], Math.min(8, bar * 0.4));
                }
            }
            entries.add(new Legend.Entry(s.name, color, Legend.Kind.BOX));
        }
        if (f.y.lo < 0 && f.y.hi > 0) {
            c.stroke(1, ChartCanvas.AXIS);
            c.g.draw(new Line2D.Double(f.area.x, base, f.area.getMaxX(), base));
        }
        for (Reference r : references) {
            drawReference(c, f, r);
        }
        c.g.setClip(null);
        for (Reference r : references) {
            if (f.y.shows(r.y)) {
                c.text(r.label, f.area.getMaxX() + 5, f.py(r.y), 0, 0.5, c.smallFont, new Color(0x333333), 0);
            }
        }
        f.drawAxes();
        Rectangle2D legend = options.showLegend(series.size()) ? Legend.draw(c, f.area, entries) : null;
        return new Rendered(c.finish(), f.area, legend);
    }

    private static void drawError(ChartCanvas c, XYFrame f, double cx, double v, double err, double cap) {
        double lo = f.py(v - err);
        double hi = f.py(v + err);
        c.stroke(1.3, new Color(0x333333));
        c.g.draw(new Line2D.Double(cx, lo, cx, hi));
        c.g.draw(new Line2D.Double(cx - cap / 2, lo, cx + cap / 2, lo));
        c.g.draw(new Line2D.Double(cx - cap / 2, hi, cx + cap / 2, hi));
    }

    private static void drawReference(ChartCanvas c, XYFrame f, Reference r) {
        double y = f.py(r.y);
        c.dashed(1.3, new Color(0x444444));
        c.g.draw(new Line2D.Double(f.area.x, y, f.area.getMaxX(), y));
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
            return add(name, values, null);
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
            return add(name, values, errors.clone());
        }

        private Builder add(String name, double[] values, double[] errors) {
            Checks.name(CHART, name);
            Checks.nonEmpty(CHART, "series '" + name + "'", values.length);
            boolean any = false;
            for (double v : values) {
                any |= Double.isFinite(v);
            }
            Checks.anyUsable(CHART, "series '" + name + "'", any, false);
            series.add(new Series(name, values.clone(), errors));
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
