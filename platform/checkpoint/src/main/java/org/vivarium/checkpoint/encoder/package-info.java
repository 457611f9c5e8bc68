/**
 * BERT-style encoder checkpoints (imported models such as MiniLM): the encoder's config, its TransformerLens
 * {@code HookedEncoder} parameter layout, and reading and writing its checkpoint directory.
 */
package org.vivarium.checkpoint.encoder;
