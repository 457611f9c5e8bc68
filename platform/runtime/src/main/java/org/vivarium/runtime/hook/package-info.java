/**
 * Applies API {@link org.vivarium.api.model.Hook}s to NDArrays inside the forward pass and captures
 * activations selected by a {@link org.vivarium.api.model.HookFilter}.
 */
package org.vivarium.runtime.hook;
