package org.vivarium.plugin.circuits.composition;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vivarium.api.audit.HeadRef;
import org.vivarium.plugin.circuits.math.Mat;

/**
 * Q-, K- and V-composition scores between every head and every head in a later layer (Elhage et al. 2021;
 * TransformerLens' {@code all_composition_scores}):
 * {@code ||W_OV^1 R^2||_F / (||W_OV^1||_F ||R^2||_F)} with {@code W_OV = W_V W_O} and {@code R} the later
 * head's {@code W_Q W_K^T} (Q), its transpose (K) or its {@code W_OV} (V).
 *
 * <p>The {@code d_model x d_model} products are never formed: with {@code M = W_O^1 A^2} ({@code d_head x d_head}),
 * {@code ||W_V^1 M B^2||_F^2 = tr(M^T (W_V^1)^T W_V^1 M B^2 (B^2)^T)}, so everything is {@code d_head x d_head}.
 * A baseline is the mean score of independent Gaussian matrices of the same shapes (the scores are
 * scale-free), as Elhage et al. compare against.
 *
 * <pre>{@code
 * CompositionScores s = CompositionScores.compute(HeadWeights.of(cfg, model.weights()), cfg.dModel(), 1);
 * double kComp = s.score(CompositionKind.K, new HeadRef(0, 2), new HeadRef(1, 3));
 * }</pre>
 */
public final class CompositionScores {
    /** Random samples behind the baseline. */
    public static final int BASELINE_SAMPLES = 32;

    private final int layers;
    private final int heads;
    private final double[][][][][] s;
    private final double baselineMean;
    private final double baselineSd;

    private CompositionScores(int layers, int heads, double[][][][][] s, double mean, double sd) {
        this.layers = layers;
        this.heads = heads;
        this.s = s;
        this.baselineMean = mean;
        this.baselineSd = sd;
    }

    /**
     * Computes every score and the random baseline.
     *
     * @param w the heads' matrices
     * @param dModel residual width (for the baseline's shapes)
     * @param seed baseline seed
     * @return the scores
     */
    public static CompositionScores compute(HeadWeights w, int dModel, long seed) {
        int n = w.layers();
        int h = w.heads();
        CompositionKind[] kinds = CompositionKind.values();
        double[][][][][] s = new double[kinds.length][n][h][n][h];
        for (CompositionKind kind : kinds) {
            for (int l1 = 0; l1 < n; l1++) {
                for (int h1 = 0; h1 < h; h1++) {
                    for (int l2 = 0; l2 < n; l2++) {
                        for (int h2 = 0; h2 < h; h2++) {
                            s[kind.ordinal()][l1][h1][l2][h2] = l2 > l1 ? score(w, kind, l1, h1, l2, h2) : Double.NaN;
                        }
                    }
                }
            }
        }
        int dHead = w.q(0, 0).cols();
        double[] base = baseline(dModel, dHead, seed);
        return new CompositionScores(n, h, s, base[0], base[1]);
    }

    static double score(HeadWeights w, CompositionKind kind, int l1, int h1, int l2, int h2) {
        Mat read;
        Mat outer;
        double rightSq;
        switch (kind) {
            case Q -> {
                read = w.q(l2, h2);
                outer = w.gramK(l2, h2);
                rightSq = w.gramQ(l2, h2).traceTimes(w.gramK(l2, h2));
            }
            case K -> {
                read = w.k(l2, h2);
                outer = w.gramQ(l2, h2);
                rightSq = w.gramQ(l2, h2).traceTimes(w.gramK(l2, h2));
            }
            default -> {
                read = w.v(l2, h2);
                outer = w.outerO(l2, h2);
                rightSq = w.gramV(l2, h2).traceTimes(w.outerO(l2, h2));
            }
        }
        Mat m = w.o(l1, h1).times(read);
        double num = m.transpose().times(w.gramV(l1, h1)).times(m).traceTimes(outer);
        double leftSq = w.gramV(l1, h1).traceTimes(w.outerO(l1, h1));
        double den = Math.sqrt(leftSq * rightSq);
        return den == 0 ? Double.NaN : Math.sqrt(Math.max(0, num)) / den;
    }

    private static double[] baseline(int dModel, int dHead, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < BASELINE_SAMPLES; i++) {
            Mat[][] q = {{gauss(rnd, dModel, dHead)}, {gauss(rnd, dModel, dHead)}};
            Mat[][] k = {{gauss(rnd, dModel, dHead)}, {gauss(rnd, dModel, dHead)}};
            Mat[][] v = {{gauss(rnd, dModel, dHead)}, {gauss(rnd, dModel, dHead)}};
            Mat[][] o = {{gauss(rnd, dHead, dModel)}, {gauss(rnd, dHead, dModel)}};
            HeadWeights w = HeadWeights.of(q, k, v, o);
            for (CompositionKind kind : CompositionKind.values()) {
                xs.add(score(w, kind, 0, 0, 1, 0));
            }
        }
        double m = xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double var = xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / Math.max(1, xs.size() - 1);
        return new double[] {m, Math.sqrt(var)};
    }

    private static Mat gauss(SplittableRandom rnd, int r, int c) {
        double[] v = new double[r * c];
        for (int i = 0; i < v.length; i++) {
            double u1 = 1 - rnd.nextDouble();
            double u2 = rnd.nextDouble();
            v[i] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return Mat.of(r, c, v);
    }

    /** @return number of layers */
    public int layers() {
        return layers;
    }

    /** @return heads per layer */
    public int heads() {
        return heads;
    }

    /**
     * One score.
     *
     * @param kind Q, K or V
     * @param from the earlier (writing) head
     * @param to the later (reading) head
     * @return the score in [0, 1], NaN unless {@code to} is in a later layer
     */
    public double score(CompositionKind kind, HeadRef from, HeadRef to) {
        return s[kind.ordinal()][from.layer()][from.head()][to.layer()][to.head()];
    }

    /**
     * The scores as a matrix: rows are the writing heads of layers {@code 0..n-2}, columns the reading heads of
     * layers {@code 1..n-1} (see {@link #writers()} and {@link #readers()}); NaN where the reader is not later.
     *
     * @param kind Q, K or V
     * @return {@code [writer][reader]}
     */
    public double[][] matrix(CompositionKind kind) {
        List<HeadRef> ws = writers();
        List<HeadRef> rs = readers();
        double[][] m = new double[ws.size()][rs.size()];
        for (int i = 0; i < ws.size(); i++) {
            for (int j = 0; j < rs.size(); j++) {
                m[i][j] = score(kind, ws.get(i), rs.get(j));
            }
        }
        return m;
    }

    /** @return heads that can write to a later layer, in order */
    public List<HeadRef> writers() {
        return range(0, layers - 1);
    }

    /** @return heads that can read from an earlier layer, in order */
    public List<HeadRef> readers() {
        return range(1, layers);
    }

    private List<HeadRef> range(int from, int to) {
        List<HeadRef> out = new ArrayList<>();
        for (int l = from; l < to; l++) {
            for (int h = 0; h < heads; h++) {
                out.add(new HeadRef(l, h));
            }
        }
        return out;
    }

    /** @return the mean score of random Gaussian matrices of the same shapes */
    public double baselineMean() {
        return baselineMean;
    }

    /** @return the standard deviation of those random scores */
    public double baselineSd() {
        return baselineSd;
    }
}
