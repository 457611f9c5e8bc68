/**
 * The BERT-style encoder written in DJL NDArray operations (post-LN blocks, bidirectional attention with a
 * padding mask, token-type embeddings), with TransformerLens {@code HookedEncoder} hook points, as a
 * {@link org.vivarium.api.model.Model}. Imported models such as all-MiniLM-L6-v2 run here.
 */
package org.vivarium.runtime.encoder;
