package org.vivarium.runtime.encoder;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.encoder.EncoderConfig;
import org.vivarium.runtime.nd.DjlEngine;

/**
 * The DJL encoder against a plain-Java BERT forward pass written from the definition (post-LN, erf GELU, additive
 * padding mask), on a random encoder with padding and both token types.
 */
class EncoderReferenceTest {

    @Test
    void djlForwardMatchesAPlainJavaBert() {
        EncoderConfig cfg = EncoderTestModels.config();
        Map<String, Tensor> w = EncoderTestModels.weights(cfg, 11);
        int[][] ids = {{2, 5, 6, 7, 8, 5, 9, 3}, {2, 10, 11, 12, 3, 0, 0, 0}};
        int[][] types = {{0, 0, 0, 0, 1, 1, 1, 1}, {0, 0, 0, 0, 0, 0, 0, 0}};
        int[][] mask = {{1, 1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 0, 0, 0}};
        Tensor ours;
        try (NDManager root = DjlEngine.newManager(); DjlEncoder enc = EncoderTestModels.create(11, root)) {
            ours = enc.run(new EncoderBatch(ids, types, mask), List.of(), HookFilter.NONE).logits();
        }
        float maxDiff = 0;
        for (int b = 0; b < ids.length; b++) {
            float[][] ref = reference(cfg, w, ids[b], types[b], mask[b]);
            for (int i = 0; i < ids[b].length; i++) {
                for (int j = 0; j < cfg.base().dModel(); j++) {
                    maxDiff = Math.max(maxDiff, Math.abs(ref[i][j] - ours.get(b, i, j)));
                }
            }
        }
        assertTrue(maxDiff < 1e-4, "max |diff| " + maxDiff);
    }

    /** One sequence through the encoder, in double precision where it is cheap. */
    static float[][] reference(EncoderConfig cfg, Map<String, Tensor> w, int[] ids, int[] types, int[] mask) {
        int t = ids.length;
        int d = cfg.base().dModel();
        double[][] x = new double[t][d];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = w.get("embed.embed.W_E").get(ids[i], j) + w.get("embed.token_type_embed.W_token_type")
                        .get(types[i], j) + w.get("embed.pos_embed.W_pos").get(i, j);
            }
        }
        x = layerNorm(x, w, "embed.ln", cfg.layerNormEps());
        for (int l = 0; l < cfg.base().nLayers(); l++) {
            String p = "blocks." + l + ".";
            double[][] mid = add(x, attention(cfg, w, p + "attn.", x, mask));
            mid = layerNorm(mid, w, p + "ln1", cfg.layerNormEps());
            double[][] h = linear(mid, w.get(p + "mlp.W_in"), w.get(p + "mlp.b_in"));
            for (double[] row : h) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = 0.5 * row[j] * (1 + erf(row[j] / Math.sqrt(2)));
                }
            }
            x = layerNorm(add(mid, linear(h, w.get(p + "mlp.W_out"), w.get(p + "mlp.b_out"))), w, p + "ln2",
                    cfg.layerNormEps());
        }
        float[][] out = new float[t][d];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = (float) x[i][j];
            }
        }
        return out;
    }

    private static double[][] attention(EncoderConfig cfg, Map<String, Tensor> w, String a, double[][] x,
            int[] mask) {
        int t = x.length;
        int d = cfg.base().dModel();
        int nh = cfg.base().nHeads();
        int e = cfg.base().dHead();
        double[][] out = new double[t][d];
        for (int h = 0; h < nh; h++) {
            double[][] q = head(x, w.get(a + "W_Q"), w.get(a + "b_Q"), h);
            double[][] k = head(x, w.get(a + "W_K"), w.get(a + "b_K"), h);
            double[][] v = head(x, w.get(a + "W_V"), w.get(a + "b_V"), h);
            for (int i = 0; i < t; i++) {
                double[] s = new double[t];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < t; j++) {
                    for (int c = 0; c < e; c++) {
                        s[j] += q[i][c] * k[j][c];
                    }
                    s[j] = s[j] / Math.sqrt(e) + (mask[j] == 1 ? 0 : -Float.MAX_VALUE);
                    max = Math.max(max, s[j]);
                }
                double sum = 0;
                for (int j = 0; j < t; j++) {
                    s[j] = Math.exp(s[j] - max);
                    sum += s[j];
                }
                for (int c = 0; c < e; c++) {
                    double z = 0;
                    for (int j = 0; j < t; j++) {
                        z += s[j] / sum * v[j][c];
                    }
                    for (int o = 0; o < d; o++) {
                        out[i][o] += z * w.get(a + "W_O").get(h, c, o);
                    }
                }
            }
        }
        for (double[] row : out) {
            for (int o = 0; o < d; o++) {
                row[o] += w.get(a + "b_O").get(o);
            }
        }
        return out;
    }

    private static double[][] head(double[][] x, Tensor wt, Tensor b, int h) {
        int e = wt.size(2);
        double[][] out = new double[x.length][e];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < e; c++) {
                double s = b.get(h, c);
                for (int j = 0; j < x[i].length; j++) {
                    s += x[i][j] * wt.get(h, j, c);
                }
                out[i][c] = s;
            }
        }
        return out;
    }

    private static double[][] linear(double[][] x, Tensor wt, Tensor b) {
        double[][] out = new double[x.length][wt.size(1)];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < wt.size(1); o++) {
                double s = b.get(o);
                for (int j = 0; j < wt.size(0); j++) {
                    s += x[i][j] * wt.get(j, o);
                }
                out[i][o] = s;
            }
        }
        return out;
    }

    private static double[][] layerNorm(double[][] x, Map<String, Tensor> w, String name, double eps) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double mean = java.util.Arrays.stream(x[i]).average().orElse(0);
            double var = java.util.Arrays.stream(x[i]).map(v -> (v - mean) * (v - mean)).average().orElse(0);
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = (x[i][j] - mean) / Math.sqrt(var + eps) * w.get(name + ".w").get(j)
                        + w.get(name + ".b").get(j);
            }
        }
        return out;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = a[i][j] + b[i][j];
            }
        }
        return out;
    }

    /** erf by its Maclaurin series (|x| &lt; 6; beyond that erf is ±1 to double precision). */
    static double erf(double x) {
        if (Math.abs(x) >= 6) {
            return Math.signum(x);
        }
        double sum = 0;
        double term = x;
        for (int n = 0; n < 200; n++) {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
