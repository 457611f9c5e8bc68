package org.vivarium.plugin.probes.math;

/**
 * Small dense-vector helpers shared by the probes.
 *
 * <p>Plain loops, not the {@code LinearAlgebra} service: for one 128-wide row the service (ND4J) costs some 200
 * times the loop (measured by the probes' {@code VectorsAgreementTest}, see docs/PLUGINS.md); plugins share only the
 * API bundle, so each keeps the few helpers it uses.
 */
public final class Vectors {
    private Vectors() {
    }

    /**
     * Returns the cosine similarity of two vectors.
     *
     * @param a first vector
     * @param b second vector, same length
     * @return the cosine, or 0 if either vector is zero
     */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /**
     * Returns the per-dimension mean of the rows whose label equals {@code label}.
     *
     * @param x rows
     * @param y labels, one per row
     * @param label the class to average
     * @return the class mean (zeros if the class is empty)
     */
    public static double[] classMean(float[][] x, int[] y, int label) {
        int d = x.length == 0 ? 0 : x[0].length;
        double[] m = new double[d];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (y[i] != label) {
                continue;
            }
            n++;
            for (int j = 0; j < d; j++) {
                m[j] += x[i][j];
            }
        }
        for (int j = 0; j < d && n > 0; j++) {
            m[j] /= n;
        }
        return m;
    }

    /**
     * Picks rows by index.
     *
     * @param rows all rows
     * @param index which to keep, in order
     * @return the selected rows (shared, not copied)
     */
    public static float[][] select(float[][] rows, int[] index) {
        float[][] out = new float[index.length][];
        for (int i = 0; i < index.length; i++) {
            out[i] = rows[index[i]];
        }
        return out;
    }

    /**
     * Picks labels by index.
     *
     * @param labels all labels
     * @param index which to keep, in order
     * @return the selected labels
     */
    public static int[] select(int[] labels, int[] index) {
        int[] out = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = labels[index[i]];
        }
        return out;
    }
}
