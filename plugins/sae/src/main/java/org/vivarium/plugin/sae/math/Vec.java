package org.vivarium.plugin.sae.math;

/**
 * Vector kernels on whole {@code float[]} rows. The loops index from 0 with no offset so that HotSpot's
 * superword pass turns them into SIMD code (offset indexing into one flat array is not vectorised on
 * Java 17, which costs about 5x on the encoder).
 */
public final class Vec {
    private Vec() {
    }

    /**
     * {@code y += a * x} over {@code y.length} elements.
     *
     * @param a the scale
     * @param x the input, at least as long as {@code y}
     * @param y the accumulator
     */
    public static void axpy(float a, float[] x, float[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    /**
     * Dot product with four partial sums (a fixed order, so results are deterministic).
     *
     * @param x first vector
     * @param y second vector, at least as long as {@code x}
     * @return the dot product
     */
    public static float dot(float[] x, float[] y) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = x.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[j] * y[j];
            s1 += x[j + 1] * y[j + 1];
            s2 += x[j + 2] * y[j + 2];
            s3 += x[j + 3] * y[j + 3];
        }
        for (; j < n; j++) {
            s0 += x[j] * y[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Euclidean norm.
     *
     * @param x the vector
     * @return its L2 norm
     */
    public static float norm(float[] x) {
        return (float) Math.sqrt(dot(x, x));
    }

    /**
     * Multiplies in place.
     *
     * @param x the vector
     * @param a the factor
     */
    public static void scale(float[] x, float a) {
        for (int j = 0; j < x.length; j++) {
            x[j] *= a;
        }
    }

    /**
     * Squared distance.
     *
     * @param x first vector
     * @param y second vector, same length
     * @return {@code sum (x - y)^2}
     */
    public static double squaredDistance(float[] x, float[] y) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            double d = x[j] - y[j];
            s += d * d;
        }
        return s;
    }
}
