/**
 * Automatic circuit discovery (ACDC, Conmy et al. 2023) over the graph of heads and MLPs: edges from every
 * residual-stream writer to later heads' queries, keys and values, MLP inputs and the logits, each patched on its
 * own by recomputing the receiver's input in Java.
 */
package org.vivarium.plugin.circuits.acdc;
