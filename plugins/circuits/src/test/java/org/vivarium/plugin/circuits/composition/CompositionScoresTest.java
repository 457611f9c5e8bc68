package org.vivarium.plugin.circuits.composition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.plugin.circuits.math.Mat;

/** The factored scores against the d_model x d_model products of Elhage et al.'s definition. */
class CompositionScoresTest {
    private static Mat random(SplittableRandom r, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return Mat.of(rows, cols, v);
    }

    private static double direct(Mat left, Mat right) {
        return left.times(right).frobenius() / (left.frobenius() * right.frobenius());
    }

    @Test
    void scoresEqualTheDefinitionWithFullMatrices() {
        SplittableRandom r = new SplittableRandom(7);
        int d = 10;
        int e = 3;
        Mat[][] q = new Mat[2][2];
        Mat[][] k = new Mat[2][2];
        Mat[][] v = new Mat[2][2];
        Mat[][] o = new Mat[2][2];
        for (int l = 0; l < 2; l++) {
            for (int h = 0; h < 2; h++) {
                q[l][h] = random(r, d, e);
                k[l][h] = random(r, d, e);
                v[l][h] = random(r, d, e);
                o[l][h] = random(r, e, d);
            }
        }
        CompositionScores s = CompositionScores.compute(HeadWeights.of(q, k, v, o), d, 1);
        for (int h1 = 0; h1 < 2; h1++) {
            for (int h2 = 0; h2 < 2; h2++) {
                Mat ov1 = v[0][h1].times(o[0][h1]);
                Mat qk2 = q[1][h2].times(k[1][h2].transpose());
                Mat ov2 = v[1][h2].times(o[1][h2]);
                HeadRef from = new HeadRef(0, h1);
                HeadRef to = new HeadRef(1, h2);
                assertEquals(direct(ov1, qk2), s.score(CompositionKind.Q, from, to), 1e-9);
                assertEquals(direct(ov1, qk2.transpose()), s.score(CompositionKind.K, from, to), 1e-9);
                assertEquals(direct(ov1, ov2), s.score(CompositionKind.V, from, to), 1e-9);
            }
        }
        assertTrue(Double.isNaN(s.score(CompositionKind.K, new HeadRef(1, 0), new HeadRef(0, 1))),
                "a head cannot compose with an earlier one");
        assertEquals(2, s.matrix(CompositionKind.K).length, "writers: the heads of layer 0");
        assertEquals(2, s.matrix(CompositionKind.K)[0].length, "readers: the heads of layer 1");
    }

    @Test
    void theRandomBaselineIsSmallAndStable() {
        Mat[][] one = {{Mat.zeros(8, 2)}, {Mat.zeros(8, 2)}};
        CompositionScores s = CompositionScores.compute(HeadWeights.of(one, one, one,
                new Mat[][] {{Mat.zeros(2, 8)}, {Mat.zeros(2, 8)}}), 64, 1);
        assertTrue(s.baselineMean() > 0.05 && s.baselineMean() < 0.3, "mean " + s.baselineMean());
        assertTrue(s.baselineSd() > 0 && s.baselineSd() < 0.05, "sd " + s.baselineSd());
        assertTrue(Double.isNaN(s.score(CompositionKind.V, new HeadRef(0, 0), new HeadRef(1, 0))),
                "zero matrices have no score");
    }
}
