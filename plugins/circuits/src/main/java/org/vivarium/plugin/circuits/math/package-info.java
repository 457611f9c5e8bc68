/**
 * Small dense matrices and log-softmax helpers written in plain Java: plugins see no linear-algebra library,
 * and the circuit analyses only need products of {@code d_model x d_head} matrices.
 */
package org.vivarium.plugin.circuits.math;
