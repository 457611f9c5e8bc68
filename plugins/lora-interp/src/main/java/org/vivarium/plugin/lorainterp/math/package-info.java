/**
 * Vector helpers in plain Java ({@code double[]} vectors, {@code double[][]} row-major matrices), random-direction
 * cosine percentiles, and the exact SVD of a low-rank product on the host's
 * {@link org.vivarium.api.linalg.LinearAlgebra} (QR, SVD and products run in ND4J).
 */
package org.vivarium.plugin.lorainterp.math;
