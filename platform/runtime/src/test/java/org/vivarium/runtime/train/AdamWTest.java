package org.vivarium.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.nd.DjlEngine;

/** AdamW matches a scalar reference implementation, decay included and decoupled. */
class AdamWTest {

    @Test
    void twoStepsMatchTheReferenceFormula() {
        TrainerConfig cfg = new TrainerConfig(10, 1, 0.1f, 0f, 0, 0.5f, 0.9f, 0.99f, 1e-8f, 0f, 0, 0);
        try (NDManager root = DjlEngine.newManager();
                ParameterStore p = ParameterStore.fromTensors(Map.of(
                        "x.W_A", Tensor.of(new float[] {1f, -2f}, 2),
                        "x.b_A", Tensor.of(new float[] {3f}, 1)), root)) {
            p.requireGradients(true);
            AdamW opt = new AdamW(cfg, p);
            double[] w = {1, -2, 3};
            double[] m = new double[3];
            double[] v = new double[3];
            for (int t = 1; t <= 2; t++) {
                try (NDManager s = p.manager().newSubManager()) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        // loss = sum(W^2) + 2 b  -> grads 2W, 2
                        NDArray loss = p.get("x.W_A").square().sum().add(p.get("x.b_A").mul(2f).sum());
                        gc.backward(loss);
                    }
                    opt.step(p, 0.1f, 1f);
                }
                double[] g = {2 * w[0], 2 * w[1], 2};
                for (int i = 0; i < 3; i++) {
                    m[i] = 0.9 * m[i] + 0.1 * g[i];
                    v[i] = 0.99 * v[i] + 0.01 * g[i] * g[i];
                    if (i < 2) {
                        w[i] *= 1 - 0.1 * 0.5;
                    }
                    double mh = m[i] / (1 - Math.pow(0.9, t));
                    double vh = v[i] / (1 - Math.pow(0.99, t));
                    w[i] -= 0.1 * mh / (Math.sqrt(vh) + 1e-8);
                }
            }
            float[] wa = p.get("x.W_A").toFloatArray();
            assertEquals(w[0], wa[0], 1e-5);
            assertEquals(w[1], wa[1], 1e-5);
            assertEquals(w[2], p.get("x.b_A").toFloatArray()[0], 1e-5);
        }
    }
}
