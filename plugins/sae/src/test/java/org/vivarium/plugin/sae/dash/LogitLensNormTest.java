package org.vivarium.plugin.sae.dash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;

/**
 * The output side of a latent through a final LayerNorm (centred) and a final RMSNorm (Llama / Qwen2 style: gain, no
 * bias, not centred): a direction along the all-ones vector, which a LayerNorm removes, moves the logits through an
 * RMSNorm by exactly {@code (1/sqrt(d)) * gain . W_U}.
 */
class LogitLensNormTest {
    private static final int D = 4;
    private static final int V = 3;
    private static final float[] W_U = {1, 0, 2, 0, 1, -1, 3, 1, 0, -2, 0.5f, 1};
    private static final float[] GAIN = {1, 2, 0.5f, 1};

    private static Map<String, Tensor> weights(boolean layerNorm) {
        Map<String, Tensor> w = new HashMap<>();
        w.put("unembed.W_U", Tensor.of(W_U, D, V));
        w.put("ln_final.w", Tensor.of(GAIN, D));
        if (layerNorm) {
            w.put("ln_final.b", Tensor.zeros(D));
        }
        return w;
    }

    @Test
    void anRmsNormKeepsTheMeanALayerNormRemovesIt() {
        float[] ones = {1, 1, 1, 1};
        SymbolTokenizer tok = new SymbolTokenizer(V);
        assertArrayEquals(new float[V], LogitLens.of(weights(true), false, tok).logits(ones), 1e-6f, "LayerNorm: centred away");
        float[] rms = LogitLens.of(weights(false), true, tok).logits(ones);
        for (int t = 0; t < V; t++) {
            double want = 0;
            for (int j = 0; j < D; j++) {
                want += 0.5 * GAIN[j] * W_U[j * V + t];
            }
            assertEquals(want, rms[t], 1e-6, "token " + t);
        }
    }
}
