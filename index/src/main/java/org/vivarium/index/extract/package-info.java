/**
 * Turns model activations into indexable contexts: for every unit of a hook (an MLP neuron, a residual
 * dimension), the top-activating token positions over a prompt set, with the surrounding text.
 */
package org.vivarium.index.extract;
