package org.vivarium.plugin.lorainterp.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.linalg.Svd;
import org.vivarium.testkit.TestLinearAlgebra;

/** The hand-written JacobiSvd, LowRankSvd and Auroc against the host's ND4J service on the same inputs. */
class LibraryAgreementTest {
    private static final LinearAlgebra LA = TestLinearAlgebra.shared();

    private static double[][] random(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextDouble() * 2 - 1;
            }
        }
        return m;
    }

    @Test
    void jacobiSvdAgreesWithNd4j() {
        double worst = 0;
        for (int[] shape : new int[][] {{8, 8}, {16, 4}, {4, 16}, {1, 1}, {2, 2}}) {
            double[][] g = random(shape[0], shape[1], shape[0] * 31L + shape[1]);
            JacobiSvd old = JacobiSvd.of(g);
            Svd nd = LA.svd(g);
            for (int k = 0; k < nd.rank(); k++) {
                worst = Math.max(worst, Math.abs(old.sigma()[k] - nd.s()[k]));
                assertEquals(old.sigma()[k], nd.s()[k], 1e-10);
                double[] u = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    u[i] = old.u()[i][k];
                }
                assertEquals(1, Math.abs(Vectors.dot(u, nd.left(k))), 1e-8, "left vector " + k);
            }
        }
        System.out.println("JacobiSvd vs ND4J: largest singular-value difference " + worst);
    }

    @Test
    void lowRankSvdAgreesWithNd4jOnTheDenseProduct() {
        double worst = 0;
        for (long seed = 1; seed <= 5; seed++) {
            int r = 1 + (int) seed % 4;
            double[][] a = random(24, r, seed);
            double[][] b = random(r, 18, seed + 100);
            Spectrum old = LowRankSvd.of(0.5, a, b);
            double[][] dw = LA.multiply(a, b);
            for (double[] row : dw) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= 0.5;
                }
            }
            Svd nd = LA.svd(dw, r);
            for (int k = 0; k < r; k++) {
                worst = Math.max(worst, Math.abs(old.sigma()[k] - nd.s()[k]));
                assertEquals(old.sigma()[k], nd.s()[k], 1e-10);
                assertEquals(1, Math.abs(Vectors.dot(old.left()[k], nd.left(k))), 1e-8);
                assertEquals(1, Math.abs(Vectors.dot(old.right()[k], nd.right(k))), 1e-8);
            }
        }
        System.out.println("LowRankSvd vs ND4J: largest singular-value difference " + worst);
    }

    @Test
    void aurocAgreesWithNd4j() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 30; trial++) {
            double[] pos = new double[1 + r.nextInt(40)];
            double[] neg = new double[1 + r.nextInt(40)];
            double[] scores = new double[pos.length + neg.length];
            int[] labels = new int[scores.length];
            for (int i = 0; i < scores.length; i++) {
                double s = trial % 2 == 0 ? r.nextInt(4) : r.nextDouble() * 10;
                scores[i] = s;
                if (i < pos.length) {
                    pos[i] = s;
                    labels[i] = 1;
                } else {
                    neg[i - pos.length] = s;
                }
            }
            assertEquals(Auroc.of(pos, neg), LA.auroc(scores, labels), 1e-12, "trial " + trial);
        }
    }
}
