package org.vivarium.api.model;

/** The MLP non-linearity. */
public enum ActFn {
    /** Gaussian error linear unit (exact, erf form). */
    GELU,
    /** Rectified linear unit. */
    RELU,
    /** Sigmoid linear unit, {@code x * sigmoid(x)}. */
    SILU,
    /** GELU's tanh approximation, GPT-2's {@code gelu_new}: {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
    GELU_NEW
}
