/**
 * Training: AdamW with decoupled weight decay, warm-up plus cosine learning-rate schedule, global-norm
 * gradient clipping, deterministic batches, resumable state, progress and loss curves.
 */
package org.vivarium.runtime.train;
