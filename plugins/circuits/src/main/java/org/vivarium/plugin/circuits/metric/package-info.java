/**
 * What patching and ablation measure: a logit difference between two tokens at a position, or the loss on a
 * span of positions.
 */
package org.vivarium.plugin.circuits.metric;
