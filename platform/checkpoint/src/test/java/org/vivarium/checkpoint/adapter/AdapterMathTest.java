package org.vivarium.checkpoint.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.Checkpoint;

/** Matrix views, the delta (alpha/r) A B and merging, checked against hand-computed values. */
class AdapterMathTest {

    private static Tensor indexed(int a, int b, int c) {
        float[] d = new float[a * b * c];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                for (int k = 0; k < c; k++) {
                    d[(i * b + j) * c + k] = 100 * i + 10 * j + k;
                }
            }
        }
        return Tensor.of(d, a, b, c);
    }

    @Test
    void perHeadWeightsAreViewedAsTheForwardPassUsesThem() {
        Tensor wq = indexed(2, 3, 2); // [heads, d_model, d_head]
        double[][] m = MatrixView.toMatrix("blocks.0.attn.W_Q", wq);
        assertEquals(3, m.length);
        assertEquals(4, m[0].length);
        assertEquals(111, m[1][3], 0); // W[h=1][d=1][e=1] at column h*E+e = 3
        assertEquals(20, m[2][0], 0); // W[h=0][d=2][e=0]
        Tensor wo = indexed(2, 2, 3); // [heads, d_head, d_model]
        double[][] o = MatrixView.toMatrix("blocks.0.attn.W_O", wo);
        assertEquals(4, o.length);
        assertEquals(112, o[3][2], 0); // row h*E+e = 3 -> h=1, e=1; column d=2
    }

    @Test
    void plusAddsTheDeltaAtTheViewedPosition() {
        Tensor wq = indexed(2, 3, 2);
        double[][] delta = new double[3][4];
        delta[1][3] = 0.5;
        Tensor out = MatrixView.plus("blocks.0.attn.W_Q", wq, delta);
        assertArrayEquals(wq.shape(), out.shape());
        for (int i = 0; i < wq.numel(); i++) {
            float want = wq.data()[i] + (wq.data()[i] == 111f ? 0.5f : 0f);
            assertEquals(want, out.data()[i], 0f);
        }
        assertThrows(VivariumException.class, () -> MatrixView.plus("blocks.0.attn.W_Q", wq, new double[4][3]));
    }

    @Test
    void deltaIsScaledProductOfAAndB() {
        Tensor a = Tensor.of(new float[] {1, 2}, 2, 1);
        Tensor b = Tensor.of(new float[] {3, 4, 5}, 1, 3);
        Adapter ad = new Adapter(new AdapterConfig(1, 2f, List.of("blocks.0.mlp.W_in"), ""),
                Map.of("blocks.0.mlp.W_in.lora_A", a, "blocks.0.mlp.W_in.lora_B", b));
        assertArrayEquals(new double[] {6, 8, 10}, ad.delta("blocks.0.mlp.W_in")[0], 0);
        assertArrayEquals(new double[] {12, 16, 20}, ad.delta("blocks.0.mlp.W_in")[1], 0);
    }

    @Test
    void tensorsThatDisagreeWithTheSettingsAreRejected() {
        AdapterConfig c = new AdapterConfig(2, 1f, List.of("blocks.0.mlp.W_in"), "");
        VivariumException e = assertThrows(VivariumException.class, () -> new Adapter(c, Map.of(
                "blocks.0.mlp.W_in.lora_A", Tensor.zeros(8, 1), "stray", Tensor.zeros(1))));
        String msg = e.getMessage();
        assertTrue(msg.contains("lora_A has shape [8, 1], expected [in, 2]"), msg);
        assertTrue(msg.contains("missing blocks.0.mlp.W_in.lora_B"), msg);
        assertTrue(msg.contains("[stray]"), msg);
        VivariumException r = assertThrows(VivariumException.class,
                () -> new AdapterConfig(0, Float.NaN, List.of("blocks.*.mlp.W_in"), ""));
        assertTrue(r.getMessage().contains("rank=0") && r.getMessage().contains("alpha=NaN")
                && r.getMessage().contains("without patterns"), r.getMessage());
    }

    @Test
    void mergeChangesOnlyTargetsAndMatchesTheDelta() {
        var cfg = AdapterFixtures.model();
        Checkpoint base = AdapterFixtures.checkpoint(cfg, 1);
        List<String> targets = List.of("blocks.0.attn.W_K", "blocks.1.attn.W_O", "blocks.1.mlp.W_out");
        Adapter ad = AdapterFixtures.adapter(cfg, 2, 3f, targets, "", 2);
        Checkpoint merged = AdapterMerge.merge(base, ad, base.provenance());
        for (String name : base.weights().keySet()) {
            Tensor before = base.weights().get(name);
            Tensor after = merged.weights().get(name);
            if (!targets.contains(name)) {
                assertSame(before, after, name);
                continue;
            }
            double[][] w0 = MatrixView.toMatrix(name, before);
            double[][] w1 = MatrixView.toMatrix(name, after);
            double[][] d = ad.delta(name);
            for (int i = 0; i < d.length; i++) {
                for (int j = 0; j < d[0].length; j++) {
                    assertEquals(w0[i][j] + d[i][j], w1[i][j], 1e-5, name);
                }
            }
        }
        Adapter other = AdapterFixtures.adapter(AdapterFixtures.model(), 1, 1f, List.of("blocks.0.mlp.W_in"), "", 3);
        var wide = org.vivarium.api.model.ModelConfig.builder().nLayers(1).dModel(8).nHeads(2).dHead(4).dMlp(16)
                .dVocab(10).nCtx(6).build();
        VivariumException e = assertThrows(VivariumException.class,
                () -> AdapterMerge.merge(AdapterFixtures.checkpoint(wide, 4), other, base.provenance()));
        assertTrue(e.getMessage().contains("8x16"), e.getMessage());
    }
}
