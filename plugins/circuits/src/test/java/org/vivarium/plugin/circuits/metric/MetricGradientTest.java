package org.vivarium.plugin.circuits.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vivarium.api.tensor.Tensor;

/** Each metric's logit gradient against central finite differences of its {@code measure}. */
class MetricGradientTest {
    private static final int B = 2;
    private static final int T = 5;
    private static final int V = 7;

    private static Tensor logits(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[B * T * V];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (2 * r.nextGaussian());
        }
        return Tensor.of(d, B, T, V);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor x = logits(1);
        int[][] targets = {{1, 2, 3, 4, 5}, {6, 0, 1, 2, 3}};
        List<Metric> metrics = List.of(LogitDifference.atLast(3, 4, "t3 - t4"), new SpanLoss(targets, 2, 5),
                new KlDivergence(logits(2), 1, 4));
        for (Metric m : metrics) {
            Tensor g = m.gradient(x);
            assertEquals(x.numel(), g.numel(), m.describe());
            double norm = 0;
            for (int i = 0; i < x.numel(); i++) {
                double numeric = (m.measure(shift(x, i, 1e-3f)) - m.measure(shift(x, i, -1e-3f))) / 2e-3;
                assertEquals(numeric, g.data()[i], 2e-3, m.describe() + " at " + i);
                norm += Math.abs(g.data()[i]);
            }
            assertTrue(norm > 0.1, m.describe() + ": a zero gradient tests nothing");
        }
    }

    @Test
    void klGradientVanishesAtTheReference() {
        Tensor ref = logits(3);
        Tensor g = new KlDivergence(ref, 1, 5).gradient(ref);
        for (float v : g.data()) {
            assertEquals(0, v, 1e-6);
        }
    }

    private static Tensor shift(Tensor x, int i, float eps) {
        float[] d = x.data().clone();
        d[i] += eps;
        return Tensor.of(d, x.shape());
    }
}
