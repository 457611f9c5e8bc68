/**
 * The GPT-style decoder written in DJL NDArray operations: parameters, forward pass with a hook at every
 * TransformerLens hook point, and the {@link org.vivarium.api.model.Model} implementation.
 */
package org.vivarium.runtime.model;
