package org.vivarium.organisms.induction;

import java.util.Map;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.linalg.Eigen;

/**
 * Copying scores from each head's full OV circuit {@code W_E W_V^h W_O^h W_U} ({@code [vocab, vocab]},
 * LayerNorm ignored): the eigenvalue positivity of Elhage et al. (2021) and the fraction of tokens
 * whose strongest output is the token itself (diagonal top-1).
 *
 * @param positivity {@code [layer][head]} sum of eigenvalues over sum of their magnitudes
 * @param diagonalTop1 {@code [layer][head]} fraction of tokens t with argmax_j OV[t][j] = t
 */
public record CopyingScores(float[][] positivity, float[][] diagonalTop1) {

    /**
     * Computes the scores from the model weights.
     *
     * @param cfg the architecture
     * @param w weights by TransformerLens name
     * @return the scores
     */
    public static CopyingScores compute(ModelConfig cfg, Map<String, Tensor> w) {
        int layers = cfg.nLayers();
        int heads = cfg.nHeads();
        int v = cfg.dVocab();
        int d = cfg.dModel();
        int e = cfg.dHead();
        float[][] pos = new float[layers][heads];
        float[][] top1 = new float[layers][heads];
        Tensor we = w.get("embed.W_E");
        Tensor wu = w.get("unembed.W_U");
        for (int l = 0; l < layers; l++) {
            Tensor wv = w.get("blocks." + l + ".attn.W_V");
            Tensor wo = w.get("blocks." + l + ".attn.W_O");
            for (int h = 0; h < heads; h++) {
                // OV = W_E [v,d] . W_V[h] [d,e] . W_O[h] [e,d] . W_U [d,v]
                double[][] ev = new double[v][e];
                for (int t = 0; t < v; t++) {
                    for (int k = 0; k < e; k++) {
                        double s = 0;
                        for (int i = 0; i < d; i++) {
                            s += we.get(t, i) * wv.get(h, i, k);
                        }
                        ev[t][k] = s;
                    }
                }
                double[][] evo = new double[v][d];
                for (int t = 0; t < v; t++) {
                    for (int j = 0; j < d; j++) {
                        double s = 0;
                        for (int k = 0; k < e; k++) {
                            s += ev[t][k] * wo.get(h, k, j);
                        }
                        evo[t][j] = s;
                    }
                }
                double[][] ov = new double[v][v];
                int hits = 0;
                for (int t = 0; t < v; t++) {
                    int best = 0;
                    for (int u = 0; u < v; u++) {
                        double s = 0;
                        for (int j = 0; j < d; j++) {
                            s += evo[t][j] * wu.get(j, u);
                        }
                        ov[t][u] = s;
                        if (s > ov[t][best]) {
                            best = u;
                        }
                    }
                    if (best == t) {
                        hits++;
                    }
                }
                pos[l][h] = (float) Eigen.positivity(ov);
                top1[l][h] = (float) hits / v;
            }
        }
        return new CopyingScores(pos, top1);
    }
}
