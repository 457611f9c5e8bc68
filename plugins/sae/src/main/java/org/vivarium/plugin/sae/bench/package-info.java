/**
 * {@code viv sae bench}: SAE training throughput on synthetic sparse activations, and the float matmul rate
 * of the same Java loops as the reference peak.
 */
package org.vivarium.plugin.sae.bench;
