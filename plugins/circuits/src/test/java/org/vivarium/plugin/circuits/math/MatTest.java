package org.vivarium.plugin.circuits.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vivarium.api.tensor.Tensor;

class MatTest {
    static Mat random(SplittableRandom r, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() * 2 - 1;
        }
        return Mat.of(rows, cols, v);
    }

    @Test
    void productsTransposesAndTraces() {
        Mat a = Mat.of(2, 3, 1, 2, 3, 4, 5, 6);
        Mat b = Mat.of(3, 2, 7, 8, 9, 10, 11, 12);
        Mat ab = a.times(b);
        assertEquals(58, ab.get(0, 0));
        assertEquals(64, ab.get(0, 1));
        assertEquals(139, ab.get(1, 0));
        assertEquals(154, ab.get(1, 1));
        assertEquals(58 + 154, a.traceTimes(b), 1e-12);
        assertEquals(6, a.transpose().get(2, 1));
        assertEquals(Math.sqrt(91), a.frobenius(), 1e-12);
        assertArrayEquals(new double[] {14, 32}, a.times(new double[] {1, 2, 3}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> a.times(a));
    }

    @Test
    void theTraceIdentityBehindCompositionScoresHolds() {
        // ||V M R||_F^2 = tr(M^T V^T V M R R^T), the identity CompositionScores relies on
        SplittableRandom r = new SplittableRandom(3);
        Mat v = random(r, 12, 4);
        Mat m = random(r, 4, 4);
        Mat rr = random(r, 4, 12);
        double direct = Math.pow(v.times(m).times(rr).frobenius(), 2);
        double viaGram = m.transpose().times(v.gram()).times(m).traceTimes(rr.times(rr.transpose()));
        assertEquals(direct, viaGram, 1e-9 * direct);
    }

    @Test
    void slicesScalesAndCentres() {
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
        Mat second = Mat.slice(t, 1);
        assertEquals(5, second.get(0, 0));
        assertEquals(8, second.get(1, 1));
        Mat scaled = second.scaleRows(new float[] {2, 0});
        assertEquals(12, scaled.get(0, 1));
        assertEquals(0, scaled.get(1, 0));
        Mat c = Mat.of(1, 3, 1, 2, 6).centerRows();
        assertEquals(0, c.get(0, 0) + c.get(0, 1) + c.get(0, 2), 1e-12);
        assertEquals(-2, c.get(0, 0), 1e-12);
    }

    @Test
    void logSoftmaxIsNormalisedAndStable() {
        double[] lp = LogProbs.logSoftmax(new double[] {1000, 1001, 999});
        double s = 0;
        for (double v : lp) {
            s += Math.exp(v);
        }
        assertEquals(1, s, 1e-12);
        Tensor logits = Tensor.of(new float[] {0, 0, Float.parseFloat("1.0986123")}, 1, 1, 3);
        assertEquals(Math.log(0.6), LogProbs.of(logits, 0, 0, 2), 1e-6);
    }
}
