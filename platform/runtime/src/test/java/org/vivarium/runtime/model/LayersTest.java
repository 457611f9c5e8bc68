package org.vivarium.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.vivarium.api.audit.Normal;
import org.vivarium.api.model.ActFn;
import org.vivarium.api.model.DecoderOptions;
import org.vivarium.runtime.nd.DjlEngine;

/** The fused engine ops match the textbook formulas the model is documented with. */
class LayersTest {
    @Test
    void normsAndGelusMatchTheirFormulas() {
        try (NDManager m = DjlEngine.newManager()) {
            float[] xs = new float[2 * 3 * 8];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = (float) Math.sin(i * 0.7) * (1 + i % 5);
            }
            float[] ws = new float[8];
            float[] bs = new float[8];
            for (int i = 0; i < 8; i++) {
                ws[i] = 0.5f + i * 0.1f;
                bs[i] = -0.2f + i * 0.05f;
            }
            NDArray x = m.create(xs, new Shape(2, 3, 8));
            float eps = (float) DecoderOptions.STANDARD.normEps();
            float[] ln = Layers.layerNorm(x, m.create(ws), m.create(bs), eps).toFloatArray();
            float[] rms = Layers.rmsNorm(x, m.create(ws), 1e-6f).toFloatArray();
            float[] ge = Layers.activation(x, ActFn.GELU).toFloatArray();
            float[] geTanh = Layers.activation(x, ActFn.GELU_NEW).toFloatArray();
            for (int row = 0; row < 6; row++) {
                double mu = 0;
                double var = 0;
                for (int i = 0; i < 8; i++) {
                    mu += xs[row * 8 + i] / 8.0;
                }
                double ms = 0;
                for (int i = 0; i < 8; i++) {
                    var += Math.pow(xs[row * 8 + i] - mu, 2) / 8.0;
                    ms += Math.pow(xs[row * 8 + i], 2) / 8.0;
                }
                for (int i = 0; i < 8; i++) {
                    double v = xs[row * 8 + i];
                    double expected = (v - mu) / Math.sqrt(var + eps) * ws[i] + bs[i];
                    assertEquals(expected, ln[row * 8 + i], 1e-4);
                    assertEquals(v / Math.sqrt(ms + 1e-6) * ws[i], rms[row * 8 + i], 1e-4);
                    double tanhForm = 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
                    assertEquals(tanhForm, geTanh[row * 8 + i], 1e-5);
                    double gelu = v * Normal.cdf(v);
                    assertEquals(gelu, ge[row * 8 + i], 1e-4);
                }
            }
        }
    }
}
