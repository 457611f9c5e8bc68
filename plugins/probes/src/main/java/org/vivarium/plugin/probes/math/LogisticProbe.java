package org.vivarium.plugin.probes.math;

import java.util.Arrays;
import org.vivarium.api.VivariumException;

/**
 * Fits an L2-regularised logistic-regression probe. Features are standardized on the training rows,
 * the mean log-loss plus {@code (l2 / 2) ||w||²} (bias unpenalised) is minimised with {@link Lbfgs},
 * and the result is converted back to the raw activation space.
 *
 * <pre>{@code
 * LinearProbe p = new LogisticProbe(1e-3).fit(trainX, trainY);
 * double logit = p.score(x);
 * }</pre>
 */
public final class LogisticProbe {
    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-6;

    private final double l2;

    /**
     * Configures the probe.
     *
     * @param l2 the L2 penalty on the standardized weights, {@code >= 0}
     * @throws VivariumException if the penalty is negative or not finite
     */
    public LogisticProbe(double l2) {
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new VivariumException("--l2 must be a finite number >= 0, got " + l2, "pass e.g. --l2 1e-3");
        }
        this.l2 = l2;
    }

    /**
     * Fits the probe.
     *
     * @param x training rows, all the same width
     * @param y labels 0 or 1, one per row, both classes present
     * @return the fitted probe, in raw activation space
     */
    public LinearProbe fit(float[][] x, int[] y) {
        Standardizer std = Standardizer.fit(x);
        double[][] z = std.apply(x);
        int d = z[0].length;
        double[] start = new double[d + 1];
        double pos = 0;
        for (int label : y) {
            pos += label;
        }
        double prior = Math.max(1e-6, Math.min(1 - 1e-6, pos / y.length));
        start[d] = Math.log(prior / (1 - prior));
        double[] wb = new Lbfgs(10, MAX_ITERATIONS, TOLERANCE).minimize((p, g) -> lossAndGradient(z, y, p, g),
                start);
        double[] w = Arrays.copyOf(wb, d);
        return std.toRaw(ProbeKind.LOGISTIC, w, wb[d]);
    }

    private double lossAndGradient(double[][] z, int[] y, double[] p, double[] g) {
        int d = p.length - 1;
        Arrays.fill(g, 0);
        double loss = 0;
        for (int i = 0; i < z.length; i++) {
            double s = p[d];
            double[] row = z[i];
            for (int j = 0; j < d; j++) {
                s += p[j] * row[j];
            }
            // log(1 + e^s) - y s, computed stably
            loss += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - y[i] * s;
            double r = sigmoid(s) - y[i];
            for (int j = 0; j < d; j++) {
                g[j] += r * row[j];
            }
            g[d] += r;
        }
        double n = z.length;
        double penalty = 0;
        for (int j = 0; j < d; j++) {
            g[j] = g[j] / n + l2 * p[j];
            penalty += p[j] * p[j];
        }
        g[d] /= n;
        return loss / n + 0.5 * l2 * penalty;
    }

    private static double sigmoid(double s) {
        if (s >= 0) {
            return 1 / (1 + Math.exp(-s));
        }
        double e = Math.exp(s);
        return e / (1 + e);
    }
}
