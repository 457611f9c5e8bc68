package org.vivarium.plugin.probes.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;

class StratifiedSplitTest {

    private static int[] labels(int zeros, int ones) {
        int[] y = new int[zeros + ones];
        Arrays.fill(y, zeros, y.length, 1);
        return y;
    }

    @Test
    void keepsClassBalanceAndPartitionsTheExamples() {
        int[] y = labels(40, 20);
        StratifiedSplit s = StratifiedSplit.of(y, 0.25, 7);
        assertEquals(15, s.test().length);
        assertEquals(10, Arrays.stream(s.test()).filter(i -> y[i] == 0).count());
        assertEquals(5, Arrays.stream(s.test()).filter(i -> y[i] == 1).count());
        BitSet seen = new BitSet();
        for (int i : s.train()) {
            seen.set(i);
        }
        for (int i : s.test()) {
            assertFalse(seen.get(i), "index " + i + " is on both sides");
            seen.set(i);
        }
        assertEquals(60, seen.cardinality());
    }

    @Test
    void isDeterministicBySeed() {
        int[] y = labels(30, 30);
        assertArrayEquals(StratifiedSplit.of(y, 0.3, 1).test(), StratifiedSplit.of(y, 0.3, 1).test());
        assertFalse(Arrays.equals(StratifiedSplit.of(y, 0.3, 1).test(), StratifiedSplit.of(y, 0.3, 2).test()));
    }

    @Test
    void smallClassesStillGetTestAndTrainExamples() {
        StratifiedSplit s = StratifiedSplit.of(labels(4, 4), 0.05, 1);
        assertEquals(2, s.test().length);
        assertEquals(6, s.train().length);
    }

    @Test
    void rejectsASingleClass() {
        VivariumException e = assertThrows(VivariumException.class, () -> StratifiedSplit.of(labels(10, 0), 0.25, 1));
        assertTrue(e.getMessage().contains("only class 0"), e.getMessage());
    }

    @Test
    void rejectsFewerThanFourPerClass() {
        VivariumException e = assertThrows(VivariumException.class, () -> StratifiedSplit.of(labels(10, 3), 0.25, 1));
        assertTrue(e.getMessage().contains("3 labelled 1") && e.getMessage().contains("at least 4"), e.getMessage());
    }

    @Test
    void rejectsAFractionOutsideZeroToOne() {
        assertThrows(VivariumException.class, () -> StratifiedSplit.of(labels(10, 10), 1.0, 1));
        assertThrows(VivariumException.class, () -> StratifiedSplit.of(labels(10, 10), 0, 1));
    }
}
