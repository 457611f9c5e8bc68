package org.vivarium.linalg.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.LinearAlgebra;

class RocAucTest {
    private static final LinearAlgebra LA = Nd4jLinearAlgebra.shared();

    /** The definition: the share of (positive, negative) pairs the positive wins, ties counting half. */
    private static double pairwise(double[] s, int[] y) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return wins / pairs;
    }

    @Test
    void matchesThePairwiseDefinitionWithAndWithoutTies() {
        Random r = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + r.nextInt(200);
            double[] s = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = i < 2 ? i : r.nextInt(2);
                // half the trials draw from 5 values, so most scores tie; the rest are continuous and unscaled
                s[i] = trial % 2 == 0 ? r.nextInt(5) : 40 * r.nextGaussian() + 3 * y[i];
            }
            assertEquals(pairwise(s, y), LA.auroc(s, y), 1e-12, "trial " + trial);
        }
    }

    @Test
    void extremesAndMissingClasses() {
        assertEquals(1.0, LA.auroc(new double[] {-5, -4, 10, 11}, new int[] {0, 0, 1, 1}), 1e-12);
        assertEquals(0.0, LA.auroc(new double[] {-5, -4, 10, 11}, new int[] {1, 1, 0, 0}), 1e-12);
        assertEquals(0.5, LA.auroc(new double[] {1, 1, 1, 1}, new int[] {0, 1, 0, 1}), 1e-12);
        assertTrue(Double.isNaN(LA.auroc(new double[] {1, 2}, new int[] {1, 1})));
    }

    @Test
    void badLabelsAreAClearError() {
        VivariumException e = assertThrows(VivariumException.class,
                () -> LA.auroc(new double[] {1, 2}, new int[] {0, 2}));
        assertEquals("label 1 is 2", e.problem());
        assertThrows(VivariumException.class, () -> LA.auroc(new double[] {1}, new int[] {0, 1}));
    }
}
