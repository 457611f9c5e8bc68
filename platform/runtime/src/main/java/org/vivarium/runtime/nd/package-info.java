/**
 * Conversions between DJL {@code NDArray}s and the API's {@link org.vivarium.api.tensor.Tensor}s, and small NDArray
 * helpers. The lowest runtime package: the hook dispatcher ({@code runtime.hook}) and the forward pass
 * ({@code runtime.model}) both use it, so neither has to depend on the other to convert a tensor.
 */
package org.vivarium.runtime.nd;
