package org.vivarium.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.junit.jupiter.api.Test;

class AxesTest {
    private static final Rectangle2D TALL = new Rectangle2D.Double(60, 20, 600, 400);

    /** The labelled (major) tick values of an axis laid along the left edge of {@link #TALL}. */
    private static List<Double> majorTicks(ValueAxis axis) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            axis.setTickLabelFont(HouseTheme.TICK);
            axis.setTickLabelInsets(new RectangleInsets(13, 4, 13, 4));
            List<Double> out = new ArrayList<>();
            for (Object t : axis.refreshTicks(g, new AxisState(), TALL, RectangleEdge.LEFT)) {
                ValueTick tick = (ValueTick) t;
                if (tick.getTickType() == TickType.MAJOR) {
                    out.add(tick.getValue());
                }
            }
            return out;
        } finally {
            g.dispose();
        }
    }

    @Test
    void narrowLogRangesGetRoundMantissas() {
        ValueAxis log = Axes.log("loss");
        log.setRange(1.8, 9);
        assertEquals(List.of(2.0, 3.0, 5.0), majorTicks(log));
    }

    @Test
    void wideLogRangesGetPowersOfTen() {
        ValueAxis log = Axes.log("count");
        log.setRange(0.0031, 870);
        List<Double> ticks = majorTicks(log);
        assertTrue(ticks.size() >= 3, ticks.toString());
        for (double t : ticks) {
            double e = Math.log10(t);
            assertEquals(Math.rint(e), e, 1e-9, "a power of ten: " + t);
        }
    }

    @Test
    void linearStepsAreRoundAndLabelsDoNotCrowd() {
        NumberAxis axis = Axes.linear("loss");
        axis.setRange(0.13, 8.2);
        List<Double> ticks = majorTicks(axis);
        assertTrue(ticks.size() >= 4 && ticks.size() <= 11, ticks.toString());
        double step = ticks.get(1) - ticks.get(0);
        assertTrue(List.of(0.5, 1.0, 2.0, 2.5).stream().anyMatch(s -> Math.abs(s - step) < 1e-9), "step " + step);
        assertTrue(TALL.getHeight() * step / (8.2 - 0.13) >= 35, "at least ~40 units between labels");
    }
}
