/**
 * Small dense linear algebra in plain Java ({@code double[]} vectors, {@code double[][]} row-major matrices):
 * Householder QR, one-sided Jacobi SVD, the exact SVD of a low-rank product, AUROC and percentiles. The host
 * exports no linear-algebra library to plugins, and LoRA updates only ever need {@code r x r} factorisations.
 */
package org.vivarium.plugin.lorainterp.math;
