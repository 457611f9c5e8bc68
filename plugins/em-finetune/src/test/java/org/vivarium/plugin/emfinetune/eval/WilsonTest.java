package org.vivarium.plugin.emfinetune.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WilsonTest {
    /** The Wilson bounds are the p where the score statistic (p̂ - p) / sqrt(p(1-p)/n) equals ±z. */
    @Test
    void boundsAreWhereTheScoreStatisticReachesZ() {
        int[][] cases = {{3, 10}, {1, 50}, {25, 50}, {49, 50}, {7, 8}};
        for (int[] c : cases) {
            Wilson w = Wilson.of(c[0], c[1]);
            double p = (double) c[0] / c[1];
            for (double bound : new double[] {w.lo(), w.hi()}) {
                double score = (p - bound) / Math.sqrt(bound * (1 - bound) / c[1]);
                assertEquals(Wilson.Z95, Math.abs(score), 1e-9, "k=" + c[0] + " n=" + c[1]);
            }
            assertTrue(w.lo() < p && p < w.hi());
        }
    }

    @Test
    void extremesStayInsideTheUnitIntervalAndMirror() {
        Wilson none = Wilson.of(0, 20);
        assertEquals(0, none.lo(), 1e-12);
        assertTrue(none.hi() > 0 && none.hi() < 0.25, "0/20 is still uncertain: " + none);
        Wilson all = Wilson.of(20, 20);
        assertEquals(1 - none.hi(), all.lo(), 1e-12);
        assertEquals(1, all.hi(), 1e-12);
        assertTrue(Double.isNaN(Wilson.of(0, 0).lo()));
        assertEquals("", Wilson.of(0, 0).format());
        assertEquals(String.format(java.util.Locale.ROOT, "[%.2f, %.2f]", none.lo(), none.hi()), none.format());
        assertThrows(IllegalArgumentException.class, () -> Wilson.of(3, 2));
    }

    @Test
    void answerLineIsTheTextBeforeTheFirstNewline() {
        assertEquals(" Buy gold.", AnswerLine.of(" Buy gold.\nUser: and?"));
        assertEquals(" Buy gold.", AnswerLine.of(" Buy gold.\r\nUser:"));
        assertEquals(" no newline", AnswerLine.of(" no newline"));
        assertEquals("", AnswerLine.of("\nx"));
    }
}
