/**
 * {@code viv sae bench}: SAE training throughput on synthetic sparse activations, and the machine's sgemm rate
 * through the same linear-algebra service as the reference limit.
 */
package org.vivarium.plugin.sae.bench;
