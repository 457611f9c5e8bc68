package org.vivarium.organisms.superposition;

import java.util.SplittableRandom;

/**
 * The ReLU-output toy model: {@code h = W x}, {@code x' = ReLU(W^T h + b)} with {@code W} of shape
 * {@code [m, n]} and {@code b} of shape {@code [n]}.
 *
 * <p>The model has {@code m * n + n} parameters (120 for the default 5 x 20), so forward and backward are
 * written out by hand below rather than run on the tensor runtime: they are a few loops, exact, seeded and
 * fast, and keep the organisms module free of runtime internals.
 */
public final class ToyModel {
    private final int m;
    private final int n;
    /** Weights, {@code w[k][i]}: hidden dimension k, feature i. Column i is feature i's direction W_i. */
    final double[][] w;
    /** Output bias, one per feature. */
    final double[] b;

    /**
     * Wraps weights (copied).
     *
     * @param w {@code [m][n]}
     * @param b {@code [n]}
     * @throws IllegalArgumentException if the shapes disagree
     */
    public ToyModel(double[][] w, double[] b) {
        if (w.length == 0 || w[0].length != b.length) {
            throw new IllegalArgumentException("W must be [m, n] and b [n]; got W with " + w.length
                    + " rows and b of length " + b.length);
        }
        this.m = w.length;
        this.n = b.length;
        this.w = new double[m][];
        for (int k = 0; k < m; k++) {
            if (w[k].length != n) {
                throw new IllegalArgumentException("W row " + k + " has " + w[k].length + " columns, expected " + n);
            }
            this.w[k] = w[k].clone();
        }
        this.b = b.clone();
    }

    /**
     * Xavier-normal weights and zero bias, as in the paper's notebook.
     *
     * @param m hidden dimensions
     * @param n features
     * @param rng the random source
     * @return the model
     */
    public static ToyModel initial(int m, int n, SplittableRandom rng) {
        double std = Math.sqrt(2.0 / (m + n));
        double[][] w = new double[m][n];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < n; i++) {
                w[k][i] = std * gaussian(rng);
            }
        }
        return new ToyModel(w, new double[n]);
    }

    /** @return hidden dimensions m */
    public int hidden() {
        return m;
    }

    /** @return features n */
    public int features() {
        return n;
    }

    /** @return a copy of W, {@code [m][n]} */
    public double[][] weights() {
        double[][] out = new double[m][];
        for (int k = 0; k < m; k++) {
            out[k] = w[k].clone();
        }
        return out;
    }

    /** @return a copy of b */
    public double[] bias() {
        return b.clone();
    }

    /**
     * Reconstructs one input.
     *
     * @param x the features, length n
     * @return {@code ReLU(W^T W x + b)}
     */
    public double[] forward(double[] x) {
        double[] h = new double[m];
        for (int k = 0; k < m; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += w[k][i] * x[i];
            }
            h[k] = s;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double z = b[i];
            for (int k = 0; k < m; k++) {
                z += w[k][i] * h[k];
            }
            y[i] = Math.max(0, z);
        }
        return y;
    }

    /**
     * Adds the gradient of the importance-weighted loss of one batch to {@code gw} and {@code gb}. The loss is
     * the batch mean of {@code sum_i I_i (x_i - x'_i)^2}.
     *
     * @param batch inputs {@code [batch][n]} (mostly zeros)
     * @param importance I_i, length n
     * @param gw gradient of W, {@code [m][n]}, zeroed by the caller
     * @param gb gradient of b, length n, zeroed by the caller
     * @return the batch loss
     */
    double lossAndGradient(double[][] batch, double[] importance, double[][] gw, double[] gb) {
        double loss = 0;
        double inv = 1.0 / batch.length;
        double[] h = new double[m];
        double[] dh = new double[m];
        double[] g = new double[n];
        int[] active = new int[n];
        for (double[] x : batch) {
            int na = 0;
            for (int i = 0; i < n; i++) {
                if (x[i] != 0) {
                    active[na++] = i;
                }
            }
            for (int k = 0; k < m; k++) {
                double s = 0;
                for (int a = 0; a < na; a++) {
                    s += w[k][active[a]] * x[active[a]];
                }
                h[k] = s;
                dh[k] = 0;
            }
            for (int i = 0; i < n; i++) {
                double z = b[i];
                for (int k = 0; k < m; k++) {
                    z += w[k][i] * h[k];
                }
                double y = Math.max(0, z);
                double err = y - x[i];
                loss += importance[i] * err * err;
                // d loss / d z_i, zero where the ReLU is off
                g[i] = z > 0 ? 2 * importance[i] * err * inv : 0;
                gb[i] += g[i];
            }
            for (int k = 0; k < m; k++) {
                double s = 0;
                double[] wk = w[k];
                double[] gwk = gw[k];
                for (int i = 0; i < n; i++) {
                    gwk[i] += g[i] * h[k]; // decoder use of W (W^T h)
                    s += wk[i] * g[i];
                }
                dh[k] = s;
            }
            for (int k = 0; k < m; k++) {
                for (int a = 0; a < na; a++) {
                    gw[k][active[a]] += dh[k] * x[active[a]]; // encoder use of W (W x)
                }
            }
        }
        return loss * inv;
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
