/**
 * The analysis of one LoRA adapter: the spectrum of every weight update, its output direction compared with the
 * contrastive mean difference (and a random null), a saved direction and the unembedding, and the per-token
 * activations of its input directions on a prompt corpus.
 */
package org.vivarium.plugin.lorainterp.analysis;
