package org.vivarium.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class TicksTest {

    @Test
    void linearTicksAreRoundAndCoverTheRange() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            double scale = Math.pow(10, rnd.nextInt(12) - 6);
            double a = (rnd.nextDouble() * 2 - 1) * scale;
            double b = a + rnd.nextDouble() * scale * (rnd.nextBoolean() ? 1 : 0.01);
            int max = 3 + rnd.nextInt(8);
            Ticks t = Ticks.linear(a, b, max);
            double[] v = t.values();
            assertTrue(v.length >= 2 && v.length <= max, "count " + v.length + " for max " + max);
            assertTrue(v[0] <= a && v[v.length - 1] >= b, "ticks " + List.of(t.labels()) + " cover " + a + ".." + b);
            double step = v[1] - v[0];
            BigDecimal mantissa = new BigDecimal(Double.toString(step))
                    .movePointLeft((int) Math.floor(Math.log10(step) + 1e-9)).stripTrailingZeros();
            assertTrue(List.of("1", "2", "2.5", "5", "10").contains(mantissa.round(new java.math.MathContext(6))
                    .stripTrailingZeros().toPlainString()), "step " + step + " is round");
            for (int i = 1; i < v.length; i++) {
                assertEquals(step, v[i] - v[i - 1], step * 1e-6, "evenly spaced");
            }
        }
    }

    @Test
    void typicalRangesGiveExpectedTicksAndLabels() {
        Ticks t = Ticks.linear(0.13, 0.92, 6);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, t.values(), 1e-12);
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), t.labels());
        assertEquals(List.of("0", "2k", "4k", "6k", "8k", "10k"), Ticks.linear(0, 9995, 6).labels());
        assertEquals(List.of("-1.5", "-1.0", "-0.5", "0.0", "0.5", "1.0", "1.5"), Ticks.linear(-1.41, 1.2, 7).labels());
        assertEquals(List.of("0", "2e-4", "4e-4", "6e-4"), Ticks.linear(0, 0.00055, 5).labels());
    }

    @Test
    void degenerateRangeIsWidened() {
        Ticks t = Ticks.linear(2.0, 2.0, 5);
        assertTrue(t.first() < 2.0 && t.last() > 2.0);
        Ticks z = Ticks.linear(0, 0, 5);
        assertTrue(z.first() < 0 && z.last() > 0);
    }

    @Test
    void logTicksArePowersOfTenOrOneTwoThreeFive() {
        Ticks wide = Ticks.log(0.0031, 870, 8);
        assertArrayEquals(new double[] {0.001, 0.01, 0.1, 1, 10, 100, 1000}, wide.values(), 1e-15);
        assertEquals(List.of("0.001", "0.01", "0.1", "1", "10", "100", "1000"), wide.labels());
        assertTrue(wide.minor().length > 0);
        Ticks narrow = Ticks.log(1.8, 4.2, 8);
        assertArrayEquals(new double[] {1, 2, 3, 5}, narrow.values(), 1e-15);
        Ticks many = Ticks.log(1e-9, 1e9, 6);
        assertTrue(many.values().length <= 6 && many.first() <= 1e-9 && many.last() >= 1e9);
        assertEquals("1e-9", many.labels().get(0));
    }

    @Test
    void invalidRangesAreRejectedWithAFix() {
        assertThrows(VivariumException.class, () -> Ticks.linear(Double.NaN, 1, 5));
        assertThrows(VivariumException.class, () -> Ticks.linear(2, 1, 5));
        VivariumException e = assertThrows(VivariumException.class, () -> Ticks.log(0, 10, 5));
        assertTrue(e.fix().contains("log"), e.getMessage());
    }
}
