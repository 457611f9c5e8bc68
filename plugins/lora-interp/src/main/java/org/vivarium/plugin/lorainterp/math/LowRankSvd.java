package org.vivarium.plugin.lorainterp.math;

/**
 * The exact SVD of a low-rank product {@code delta W = scale * A B} ({@code A [in][r]}, {@code B [r][out]})
 * without ever forming the {@code in x out} matrix. Since {@code delta W} has rank at most {@code r}:
 * <ol>
 *   <li>thin QR of both factors, {@code A = Qa Ra} and {@code B^T = Qb Rb} ({@link HouseholderQr});</li>
 *   <li>so {@code delta W = Qa (scale Ra Rb^T) Qb^T}, and the small core {@code M = scale Ra Rb^T}
 *       ({@code r x r}) has the same singular values as {@code delta W};</li>
 *   <li>SVD of the core, {@code M = U S V^T} ({@link JacobiSvd}), gives
 *       {@code delta W = (Qa U) S (Qb V)^T}: left singular vectors {@code Qa U} live in the input space, right
 *       singular vectors {@code Qb V} in the output space.</li>
 * </ol>
 * The cost is {@code O((in + out) r^2)}. Singular vectors are defined up to a joint sign flip of each
 * {@code (left_k, right_k)} pair.
 */
public final class LowRankSvd {
    private LowRankSvd() {
    }

    /**
     * Decomposes {@code scale * A B}.
     *
     * @param scale the LoRA scale {@code alpha / r}
     * @param a {@code [in][r]}
     * @param b {@code [r][out]}
     * @return the spectrum: {@code min(r, in, out)} singular values with their vectors
     * @throws IllegalArgumentException if the inner dimensions differ
     */
    public static Spectrum of(double scale, double[][] a, double[][] b) {
        int in = a.length;
        int r = b.length;
        int out = r == 0 ? 0 : b[0].length;
        if (in == 0 || r == 0 || out == 0 || a[0].length != r) {
            throw new IllegalArgumentException("factors must be [in][r] and [r][out] with in, r, out >= 1");
        }
        HouseholderQr qa = HouseholderQr.of(a);
        HouseholderQr qb = HouseholderQr.of(transpose(b));
        double[][] ra = qa.r();
        double[][] rb = qb.r();
        int ka = ra.length;
        int kb = rb.length;
        double[][] core = new double[ka][kb];
        for (int i = 0; i < ka; i++) {
            for (int j = 0; j < kb; j++) {
                double s = 0;
                for (int t = 0; t < r; t++) {
                    s += ra[i][t] * rb[j][t];
                }
                core[i][j] = scale * s;
            }
        }
        JacobiSvd svd = JacobiSvd.of(core);
        int k = svd.sigma().length;
        double[][] left = new double[k][];
        double[][] right = new double[k][];
        for (int c = 0; c < k; c++) {
            left[c] = times(qa.q(), svd.u(), c);
            right[c] = times(qb.q(), svd.v(), c);
        }
        return new Spectrum(svd.sigma(), left, right);
    }

    /** Column c of {@code q * m}. */
    private static double[] times(double[][] q, double[][] m, int c) {
        double[] out = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            double s = 0;
            for (int t = 0; t < m.length; t++) {
                s += q[i][t] * m[t][c];
            }
            out[i] = s;
        }
        return out;
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}
