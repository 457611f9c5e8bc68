package org.vivarium.report.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * The house axes. JFreeChart picks the tick step so labels do not overlap; these axes only choose the
 * candidate steps (1, 2, 2.5 and 5 times a power of ten) and the label style of {@link TickFormat}.
 */
final class Axes {
    private static final TickUnits LINEAR = linearUnits();
    private static final TickUnits DECADES = decadeUnits();

    private Axes() {
    }

    /** Returns a linear axis with house ticks that does not force zero into its range. */
    static NumberAxis linear(String label) {
        NumberAxis a = new NumberAxis(HouseTheme.label(label));
        a.setStandardTickUnits(LINEAR);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    /** Returns a log axis labelled with plain numbers (0.01, 1, 100, 10k, 1e-5), see {@link HouseLogAxis}. */
    static LogAxis log(String label) {
        return new HouseLogAxis(HouseTheme.label(label));
    }

    private static TickUnits linearUnits() {
        TickUnits units = new TickUnits();
        for (int e = -12; e <= 15; e++) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                double step = Double.parseDouble(m + "e" + e);
                units.add(new NumberTickUnit(step, TickFormat.linear(step)));
            }
        }
        return units;
    }

    private static TickUnits decadeUnits() {
        TickUnits units = new TickUnits();
        for (double d : new double[] {1, 2, 3, 5, 10, 20, 50, 100}) {
            units.add(new NumberTickUnit(d, TickFormat.log(), d == 1 ? 9 : 0));
        }
        return units;
    }

    /**
     * A log axis whose ticks are round numbers. Over two decades or more it ticks whole powers of ten (with
     * unlabelled 2..9 minor ticks); over a narrower range, where JFreeChart would tick fractional powers such
     * as 1.58 and 2.51, it ticks 1-2-3-5 (or 1-2-5, 1-3, 1) times powers of ten, whichever is densest without
     * crowding the labels.
     */
    static final class HouseLogAxis extends LogAxis {
        private static final long serialVersionUID = 1L;
        private static final double[][] MANTISSAS = {{1, 2, 3, 5}, {1, 2, 5}, {1, 3}, {1}};

        HouseLogAxis(String label) {
            super(label);
            setStandardTickUnits(DECADES);
            setNumberFormatOverride(TickFormat.log());
            setMinorTickMarksVisible(false);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            double lo = getLowerBound();
            double hi = getUpperBound();
            if (!(lo > 0) || Math.log10(hi / lo) >= 2) {
                return super.refreshTicks(g2, state, dataArea, edge);
            }
            boolean vertical = RectangleEdge.isLeftOrRight(edge);
            for (double[] mantissas : MANTISSAS) {
                List<Double> values = mantissaTicks(lo, hi, mantissas);
                if (values.size() >= 2 && fits(g2, values, dataArea, edge, vertical)) {
                    List ticks = new ArrayList();
                    TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT
                            : edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT
                            : edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
                    for (double v : values) {
                        ticks.add(new LogTick(TickType.MAJOR, v, createTickLabel(v), anchor));
                    }
                    return ticks;
                }
            }
            return super.refreshTicks(g2, state, dataArea, edge);
        }

        private static List<Double> mantissaTicks(double lo, double hi, double[] mantissas) {
            List<Double> out = new ArrayList<>();
            for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
                for (double m : mantissas) {
                    double v = Double.parseDouble((int) m + "e" + e);
                    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                        out.add(v);
                    }
                }
            }
            return out;
        }

        private boolean fits(Graphics2D g2, List<Double> values, Rectangle2D area, RectangleEdge edge,
                boolean vertical) {
            double need = vertical ? 1.6 * g2.getFontMetrics(getTickLabelFont()).getHeight() : 0;
            for (int i = 1; i < values.size(); i++) {
                double gap = Math.abs(valueToJava2D(values.get(i), area, edge)
                        - valueToJava2D(values.get(i - 1), area, edge));
                if (!vertical) {
                    need = 8 + g2.getFontMetrics(getTickLabelFont()).stringWidth(
                            TickFormat.log().format(values.get(i)));
                }
                if (gap < need) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A categorical axis for heatmap rows or columns: one label per cell, thinned to every n-th when the
     * cells are too small to hold them all, and optionally turned vertical.
     */
    static final class LabelAxis extends SymbolAxis {
        private static final long serialVersionUID = 1L;
        private boolean vertical;

        LabelAxis(String label, List<String> labels) {
            super(HouseTheme.label(label), labels.toArray(new String[0]));
            setGridBandsVisible(false);
            setRange(-0.5, labels.size() - 0.5);
            setTickMarksVisible(false);
            setAxisLineVisible(false);
        }

        /** Turns the labels vertical, for column labels wider than their cells. */
        void setVertical(boolean vertical) {
            this.vertical = vertical;
        }

        @Override
        public boolean isVerticalTickLabels() {
            return vertical;
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List all = super.refreshTicks(g2, state, dataArea, edge);
            boolean across = RectangleEdge.isTopOrBottom(edge) && !vertical;
            double cell = (RectangleEdge.isTopOrBottom(edge) ? dataArea.getWidth() : dataArea.getHeight())
                    / getSymbols().length;
            double need = 1.1 * g2.getFontMetrics(getTickLabelFont()).getHeight();
            if (across) {
                for (String s : getSymbols()) {
                    need = Math.max(need, g2.getFontMetrics(getTickLabelFont()).stringWidth(s) + 6);
                }
            }
            int every = (int) Math.max(1, Math.ceil(need / cell));
            if (every == 1) {
                return all;
            }
            List kept = new ArrayList();
            for (Object t : all) {
                if (Math.round(((ValueTick) t).getValue()) % every == 0) {
                    kept.add(t);
                }
            }
            return kept;
        }
    }
}
