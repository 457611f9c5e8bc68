/**
 * Checkpoint directories (safetensors weights, config.json, tokenizer.json, provenance.json and optional
 * optimizer state), written atomically and validated on read, plus the TransformerLens parameter layout.
 */
package org.vivarium.checkpoint;
