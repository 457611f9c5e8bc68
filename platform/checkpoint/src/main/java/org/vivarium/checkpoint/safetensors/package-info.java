/**
 * The HuggingFace safetensors format: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then raw little-endian data. Reads F32, F16 and BF16 into
 * {@code float}; writes F32, F16 or BF16.
 */
package org.vivarium.checkpoint.safetensors;
