package org.vivarium.organisms.superposition;

/**
 * Adam (Kingma and Ba) with bias correction over the toy model's two parameter arrays, no weight decay.
 */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private final double lr;
    private final double[][] mw;
    private final double[][] vw;
    private final double[] mb;
    private final double[] vb;
    private int t;

    Adam(int m, int n, double lr) {
        this.lr = lr;
        this.mw = new double[m][n];
        this.vw = new double[m][n];
        this.mb = new double[n];
        this.vb = new double[n];
    }

    /** Applies one update to the model from the gradients. */
    void step(ToyModel model, double[][] gw, double[] gb) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int k = 0; k < gw.length; k++) {
            update(model.w[k], gw[k], mw[k], vw[k], c1, c2);
        }
        update(model.b, gb, mb, vb, c1, c2);
    }

    private void update(double[] p, double[] g, double[] m1, double[] m2, double c1, double c2) {
        for (int i = 0; i < p.length; i++) {
            m1[i] = BETA1 * m1[i] + (1 - BETA1) * g[i];
            m2[i] = BETA2 * m2[i] + (1 - BETA2) * g[i] * g[i];
            p[i] -= lr * (m1[i] / c1) / (Math.sqrt(m2[i] / c2) + EPS);
        }
    }
}
