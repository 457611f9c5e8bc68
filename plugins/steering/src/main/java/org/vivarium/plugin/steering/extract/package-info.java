/** Reads residual-stream vectors for prompts from a model: which hooks, which positions, batched by length. */
package org.vivarium.plugin.steering.extract;
