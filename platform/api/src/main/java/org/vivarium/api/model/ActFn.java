package org.vivarium.api.model;

/** The MLP non-linearity. */
public enum ActFn {
    /** Gaussian error linear unit (exact, erf form). */
    GELU,
    /** Rectified linear unit. */
    RELU,
    /** Sigmoid linear unit, {@code x * sigmoid(x)}. */
    SILU
}
