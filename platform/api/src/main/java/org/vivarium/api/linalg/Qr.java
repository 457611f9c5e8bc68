package org.vivarium.api.linalg;

/**
 * A thin QR factorisation {@code A = Q R}.
 *
 * @param q {@code [rows][k]} with orthonormal columns, {@code k = min(rows, cols)}
 * @param r {@code [k][cols]}, upper-trapezoidal
 */
public record Qr(double[][] q, double[][] r) {
}
