package org.vivarium.plugin.probes.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.testkit.TestLinearAlgebra;

/**
 * {@link Vectors#cosine} agrees with the cosine the linear-algebra service computes (ND4J products), and prints what
 * each costs per 128-wide row: the reason the plugins keep plain loops for single rows (docs/PLUGINS.md).
 */
class VectorsAgreementTest {
    private static final int WIDTH = 128;
    private static final int CALLS = 5_000;

    @Test
    void cosineAgreesWithTheServiceAndCostsAFractionOfIt() {
        LinearAlgebra la = TestLinearAlgebra.shared();
        Random r = new Random(1);
        float[] a = new float[WIDTH];
        float[] b = new float[WIDTH];
        for (int j = 0; j < WIDTH; j++) {
            a[j] = (float) r.nextGaussian();
            b[j] = (float) r.nextGaussian();
        }
        assertEquals(serviceCosine(la, a, b), Vectors.cosine(a, b), 1e-12);
        double sink = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            sink += serviceCosine(la, a, b);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            sink += Vectors.cosine(a, b);
        }
        long t2 = System.nanoTime();
        assertEquals(2 * CALLS * Vectors.cosine(a, b), sink, 1e-6);
        System.out.printf("cosine of two %d-wide rows, %d calls on %d ND4J thread(s): service %.1f us/call, loop %.2f"
                + " us/call%n", WIDTH, CALLS, la.threads(), (t1 - t0) / 1e3 / CALLS, (t2 - t1) / 1e3 / CALLS);
    }

    private static double serviceCosine(LinearAlgebra la, float[] a, float[] b) {
        double[][] rows = new double[2][WIDTH];
        for (int j = 0; j < WIDTH; j++) {
            rows[0][j] = a[j];
            rows[1][j] = b[j];
        }
        double[][] columns = new double[WIDTH][2];
        for (int j = 0; j < WIDTH; j++) {
            columns[j][0] = a[j];
            columns[j][1] = b[j];
        }
        double[][] gram = la.multiply(rows, columns);
        return gram[0][1] / Math.sqrt(gram[0][0] * gram[1][1]);
    }
}
