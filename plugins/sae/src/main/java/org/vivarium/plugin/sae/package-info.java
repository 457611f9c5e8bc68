/**
 * The {@code sae} method plugin: sparse autoencoders (ReLU + L1 and TopK) trained by streaming cached
 * activations, feature dashboards, and every latent's activating contexts published to the context index.
 */
package org.vivarium.plugin.sae;
