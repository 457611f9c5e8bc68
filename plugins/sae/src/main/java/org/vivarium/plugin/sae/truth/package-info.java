/**
 * Scoring sparse autoencoders against ground-truth features: mean max cosine similarity between the learned
 * decoder directions and the true feature directions, dead and duplicate latents ({@code viv sae groundtruth}
 * on the superposition organism). The truth enters only here, after training.
 */
package org.vivarium.plugin.sae.truth;
