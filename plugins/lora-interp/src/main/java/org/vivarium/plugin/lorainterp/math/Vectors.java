package org.vivarium.plugin.lorainterp.math;

/**
 * Dot products, norms and cosines of {@code double[]} and {@code float[]} vectors.
 *
 * <p>Plain loops, not the {@code LinearAlgebra} service: for one 128-wide row the service (ND4J) costs some 200
 * times the loop (measured by the probes' {@code VectorsAgreementTest}, see docs/PLUGINS.md); plugins share only the
 * API bundle, so each keeps the few helpers it uses.
 */
public final class Vectors {
    private Vectors() {
    }

    /**
     * Widens a vector.
     *
     * @param v the values
     * @return a new {@code double[]}
     */
    public static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /**
     * Narrows a vector.
     *
     * @param v the values
     * @return a new {@code float[]}
     */
    public static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    /**
     * Returns the dot product.
     *
     * @param a first vector
     * @param b second vector, same length
     * @return {@code a . b}
     */
    public static double dot(double[] a, double[] b) {
        requireSameLength(a.length, b.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Returns the dot product of a float vector (e.g. an activation) with a double vector.
     *
     * @param x first vector
     * @param b second vector, same length
     * @return {@code x . b}
     */
    public static double dot(float[] x, double[] b) {
        requireSameLength(x.length, b.length);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * b[i];
        }
        return s;
    }

    /**
     * Returns the Euclidean norm.
     *
     * @param a the vector
     * @return {@code |a|}
     */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /**
     * Returns the cosine similarity, 0 if either vector is zero.
     *
     * @param a first vector
     * @param b second vector, same length
     * @return {@code a . b / (|a| |b|)} in [-1, 1]
     */
    public static double cosine(double[] a, double[] b) {
        double na = norm(a);
        double nb = norm(b);
        if (na == 0 || nb == 0) {
            return 0;
        }
        return Math.max(-1, Math.min(1, dot(a, b) / (na * nb)));
    }

    /**
     * Returns a vector scaled by a factor.
     *
     * @param a the vector
     * @param f the factor
     * @return a new vector {@code f a}
     */
    public static double[] scale(double[] a, double f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * f;
        }
        return out;
    }

    /**
     * Returns the unit vector along {@code a}, or a copy of {@code a} if it is zero.
     *
     * @param a the vector
     * @return {@code a / |a|}
     */
    public static double[] unit(double[] a) {
        double n = norm(a);
        return n == 0 ? a.clone() : scale(a, 1 / n);
    }

    private static void requireSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("vectors of length " + a + " and " + b);
        }
    }
}
