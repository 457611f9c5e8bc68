/**
 * MLP transcoders: a TopK dictionary that reads an MLP's input ({@code blocks.L.ln2.hook_normalized}) and
 * predicts its output ({@code blocks.L.hook_mlp_out}), trained on both hooks of a cached run, scored by variance
 * explained and by the cross-entropy loss recovered when it replaces the MLP in the model.
 */
package org.vivarium.plugin.sae.transcoder;
