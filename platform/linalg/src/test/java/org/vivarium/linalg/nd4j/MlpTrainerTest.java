package org.vivarium.linalg.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.linalg.MlpFit;
import org.vivarium.api.linalg.MlpSettings;

class MlpTrainerTest {
    private static final LinearAlgebra LA = Nd4jLinearAlgebra.shared();

    /** XOR of the signs of two coordinates, plus noise dimensions: no linear model beats chance. */
    record Xor(float[][] x, int[] y) {
        static Xor of(long seed, int n, int noise) {
            Random r = new Random(seed);
            float[][] x = new float[n][2 + noise];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < x[i].length; j++) {
                    x[i][j] = (float) r.nextGaussian();
                }
                y[i] = (x[i][0] > 0) ^ (x[i][1] > 0) ? 1 : 0;
            }
            return new Xor(x, y);
        }
    }

    private static double accuracy(double[] p, int[] y) {
        int ok = 0;
        for (int i = 0; i < p.length; i++) {
            ok += (p[i] > 0.5 ? 1 : 0) == y[i] ? 1 : 0;
        }
        return (double) ok / p.length;
    }

    @Test
    void learnsXorAndStopsOnTheValidationLoss() {
        Xor train = Xor.of(1, 300, 2);
        Xor val = Xor.of(2, 150, 2);
        Xor test = Xor.of(3, 200, 2);
        MlpSettings s = new MlpSettings(List.of(16), 3e-2, 1e-4, 100, 10, 100, 5);
        MlpFit fit = LA.fitMlp(train.x(), train.y(), val.x(), val.y(), s);
        double acc = accuracy(fit.classifier().probabilities(test.x()), test.y());
        assertTrue(acc > 0.9, "held-out XOR accuracy " + acc);
        assertEquals(fit.epochs(), fit.validationLoss().length);
        assertTrue(fit.bestEpoch() < fit.epochs());
        for (double l : fit.validationLoss()) {
            assertTrue(l >= fit.bestValidationLoss() - 1e-12, "the kept epoch has the lowest validation loss");
        }
        assertTrue(fit.epochs() < 100 || fit.bestEpoch() >= 90, "patience 10 stops before the cap unless still improving");
        assertEquals(4, fit.classifier().width());
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        Xor train = Xor.of(4, 60, 1);
        Xor val = Xor.of(5, 30, 1);
        MlpSettings s = new MlpSettings(List.of(8), 1e-2, 1e-4, 8, 8, 16, 9);
        MlpFit a = LA.fitMlp(train.x(), train.y(), val.x(), val.y(), s);
        MlpFit b = LA.fitMlp(train.x(), train.y(), val.x(), val.y(), s);
        assertEquals(8, a.epochs());
        assertArrayEquals(a.validationLoss(), b.validationLoss(), 0);
        assertArrayEquals(a.classifier().probabilities(val.x()), b.classifier().probabilities(val.x()), 0);
    }

    @Test
    void badInputIsAClearError() {
        Xor d = Xor.of(1, 20, 0);
        MlpSettings s = MlpSettings.defaults(1);
        VivariumException one = assertThrows(VivariumException.class,
                () -> LA.fitMlp(d.x(), new int[20], d.x(), d.y(), s));
        assertEquals("the training rows hold only class 0", one.problem());
        assertThrows(VivariumException.class, () -> LA.fitMlp(d.x(), new int[3], d.x(), d.y(), s));
        assertThrows(VivariumException.class, () -> new MlpSettings(List.of(), 1e-2, 0, 10, 5, 8, 1));
        MlpFit fit = LA.fitMlp(d.x(), d.y(), d.x(), d.y(), new MlpSettings(List.of(4), 1e-2, 0, 3, 3, 8, 1));
        assertThrows(VivariumException.class, () -> fit.classifier().probabilities(new float[][] {{1, 2, 3}}));
    }
}
