package org.vivarium.plugin.lorainterp.math;

import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.linalg.Qr;
import org.vivarium.api.linalg.Svd;

/**
 * The exact SVD of a low-rank product {@code delta W = scale * A B} ({@code A [in][r]}, {@code B [r][out]})
 * without ever forming the {@code in x out} matrix. Since {@code delta W} has rank at most {@code r}:
 * <ol>
 *   <li>thin QR of both factors, {@code A = Qa Ra} and {@code B^T = Qb Rb};</li>
 *   <li>so {@code delta W = Qa (scale Ra Rb^T) Qb^T}, and the small core {@code M = scale Ra Rb^T}
 *       ({@code r x r}) has the same singular values as {@code delta W};</li>
 *   <li>SVD of the core, {@code M = U S V^T}, gives {@code delta W = (Qa U) S (Qb V)^T}: left singular vectors
 *       {@code Qa U} live in the input space, right singular vectors {@code Qb V} in the output space.</li>
 * </ol>
 * The QR, SVD and products are the host's {@link LinearAlgebra} (ND4J); the cost is {@code O((in + out) r^2)}.
 * Singular vectors are defined up to a joint sign flip of each {@code (left_k, right_k)} pair.
 */
public final class LowRankSvd {
    private LowRankSvd() {
    }

    /**
     * Decomposes {@code scale * A B}.
     *
     * @param la the host's linear algebra
     * @param scale the LoRA scale {@code alpha / r}
     * @param a {@code [in][r]}
     * @param b {@code [r][out]}
     * @return the spectrum: {@code min(r, in, out)} singular values with their vectors
     * @throws IllegalArgumentException if the inner dimensions differ
     */
    public static Spectrum of(LinearAlgebra la, double scale, double[][] a, double[][] b) {
        int in = a.length;
        int r = b.length;
        int out = r == 0 ? 0 : b[0].length;
        if (in == 0 || r == 0 || out == 0 || a[0].length != r) {
            throw new IllegalArgumentException("factors must be [in][r] and [r][out] with in, r, out >= 1");
        }
        Qr qa = la.qr(a);
        Qr qb = la.qr(transpose(b));
        double[][] core = la.multiply(qa.r(), transpose(qb.r()));
        for (double[] row : core) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= scale;
            }
        }
        Svd svd = la.svd(core);
        double[][] left = transpose(la.multiply(qa.q(), svd.u()));
        double[][] right = transpose(la.multiply(qb.q(), svd.v()));
        return new Spectrum(svd.s(), left, right);
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
