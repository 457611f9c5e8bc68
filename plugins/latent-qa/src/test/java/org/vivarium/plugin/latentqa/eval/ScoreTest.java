package org.vivarium.plugin.latentqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Counting answers and the Wilson interval. */
class ScoreTest {

    @Test
    void countsHitsAndOffListAnswers() {
        Score s = Score.EMPTY.plus(true, true).plus(false, true).plus(false, false);
        assertEquals(new Score(1, 3, 1), s);
        assertEquals(1.0 / 3, s.rate(), 1e-12);
        assertTrue(Double.isNaN(Score.EMPTY.rate()));
        assertThrows(IllegalArgumentException.class, () -> new Score(3, 2, 0));
    }

    @Test
    void wilsonIntervalHasItsClosedFormAtTheEdges() {
        double z2 = Score.Z95 * Score.Z95;
        // with no hits the interval is [0, z^2 / (n + z^2)]; with all hits it mirrors
        double[] none = new Score(0, 10, 0).wilson();
        assertEquals(0, none[0], 1e-12);
        assertEquals(z2 / (10 + z2), none[1], 1e-12);
        double[] all = new Score(10, 10, 0).wilson();
        assertEquals(1 - z2 / (10 + z2), all[0], 1e-12);
        assertEquals(1, all[1], 1e-12);
        double[] half = new Score(32, 64, 0).wilson();
        assertEquals(0.5, (half[0] + half[1]) / 2, 1e-12, "symmetric around one half");
        assertEquals("0.50 [0.38, 0.62] (32/64)", new Score(32, 64, 0).format());
    }
}
