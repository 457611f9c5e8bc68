/**
 * Activation patching over the residual stream, attention and MLP outputs (per layer and position) and over
 * per-head queries, keys, values, patterns and outputs; and head ablation.
 */
package org.vivarium.plugin.circuits.patch;
