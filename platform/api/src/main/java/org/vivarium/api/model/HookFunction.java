package org.vivarium.api.model;

import org.osgi.annotation.versioning.ConsumerType;
import org.vivarium.api.tensor.Tensor;

/**
 * Arbitrary user code at a hook point: receives the activation and returns the (possibly new)
 * activation of the same shape. Slower than the built-in operations because it copies to Java.
 */
@ConsumerType
@FunctionalInterface
public interface HookFunction {
    /**
     * Transforms an activation.
     *
     * @param name where in the model this runs
     * @param activation the current value, shape as documented on {@link HookName}
     * @return the value to continue the forward pass with (same shape), or {@code activation} itself
     */
    Tensor apply(HookName name, Tensor activation);
}
