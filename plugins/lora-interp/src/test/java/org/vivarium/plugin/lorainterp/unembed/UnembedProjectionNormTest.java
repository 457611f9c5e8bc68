package org.vivarium.plugin.lorainterp.unembed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.tokenizer.SymbolTokenizer;

/**
 * The vocabulary projection through a final LayerNorm (centred) and a final RMSNorm (Llama / Qwen2 style: gain, no
 * bias, not centred): a constant direction, which a LayerNorm removes, projects through an RMSNorm as
 * {@code (v * gain) W_U}.
 */
class UnembedProjectionNormTest {
    private static final int D = 4;
    private static final int V = 3;
    private static final float[] W_U = {1, 0, 2, 0, 1, -1, 3, 1, 0, -2, 0.5f, 1};
    private static final float[] GAIN = {1, 2, 0.5f, 1};

    private static Map<String, Tensor> weights(boolean layerNorm) {
        Map<String, Tensor> w = new HashMap<>();
        w.put(UnembedProjection.W_U, Tensor.of(W_U, D, V));
        w.put(UnembedProjection.LN_FINAL_W, Tensor.of(GAIN, D));
        if (layerNorm) {
            w.put("ln_final.b", Tensor.zeros(D));
        }
        return w;
    }

    @Test
    void anRmsNormKeepsTheMeanALayerNormRemovesIt() {
        double[] v = {2, 2, 2, 2};
        SymbolTokenizer tok = new SymbolTokenizer(V);
        assertArrayEquals(new double[V], UnembedProjection.of(weights(true), false, v, tok, 2).logits(), 1e-9);
        UnembedProjection rms = UnembedProjection.of(weights(false), true, v, tok, 2);
        for (int t = 0; t < V; t++) {
            double want = 0;
            for (int j = 0; j < D; j++) {
                want += 2 * GAIN[j] * W_U[j * V + t];
            }
            assertEquals(want, rms.logits()[t], 1e-9, "token " + t);
        }
        assertEquals(1, rms.promoted().get(0).id(), "token 1 gains most (6 vs 2 and 1): " + rms.promoted());
    }
}
