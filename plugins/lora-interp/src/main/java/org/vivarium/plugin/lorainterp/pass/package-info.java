/**
 * Running prompt corpora through a model: tokenising (keeping the last {@code n_ctx} tokens), batching prompts
 * of equal length, and reading per-token vectors out of cached hook tensors.
 */
package org.vivarium.plugin.lorainterp.pass;
