package org.vivarium.plugin.steering.math;

/**
 * Small dense-vector helpers on {@code float[]} (accumulating in {@code double}).
 *
 * <p>Plain loops, not the {@code LinearAlgebra} service: for one 128-wide row the service (ND4J) costs some 200
 * times the loop (measured by the probes' {@code VectorsAgreementTest}, see docs/PLUGINS.md); plugins share only the
 * API bundle, so each keeps the few helpers it uses.
 */
public final class Vectors {
    private Vectors() {
    }

    /**
     * Returns the dot product.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return {@code a . b}
     */
    public static double dot(float[] a, float[] b) {
        checkSame(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /**
     * Returns the Euclidean norm.
     *
     * @param a a vector
     * @return {@code |a|}
     */
    public static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    /**
     * Returns {@code a - b}.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return a new vector
     */
    public static float[] subtract(float[] a, float[] b) {
        checkSame(a, b);
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    /**
     * Returns {@code s * a}.
     *
     * @param a a vector
     * @param s the scale
     * @return a new vector
     */
    public static float[] scale(float[] a, double s) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] * s);
        }
        return out;
    }

    /**
     * Returns the unit vector along {@code a}, or zeros if {@code a} is zero.
     *
     * @param a a vector
     * @return {@code a / |a|}
     */
    public static float[] unit(float[] a) {
        double n = norm(a);
        return n == 0 ? new float[a.length] : scale(a, 1 / n);
    }

    /**
     * Returns the mean of the rows.
     *
     * @param rows {@code [n][d]}, at least one row
     * @return the {@code d}-vector mean
     * @throws IllegalArgumentException if there are no rows or they differ in length
     */
    public static float[] mean(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("mean of no rows");
        }
        double[] acc = new double[rows[0].length];
        for (float[] r : rows) {
            checkSame(rows[0], r);
            for (int i = 0; i < r.length; i++) {
                acc[i] += r[i];
            }
        }
        float[] out = new float[acc.length];
        for (int i = 0; i < acc.length; i++) {
            out[i] = (float) (acc[i] / rows.length);
        }
        return out;
    }

    /**
     * Projects every row onto a direction: {@code x . d / |d|}.
     *
     * @param rows {@code [n][d]}
     * @param direction a non-zero direction
     * @return one scalar projection per row
     */
    public static double[] project(float[][] rows, float[] direction) {
        float[] u = unit(direction);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = dot(rows[i], u);
        }
        return out;
    }

    private static void checkSame(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
        }
    }
}
