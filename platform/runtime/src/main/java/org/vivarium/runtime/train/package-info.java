/**
 * Training: AdamW with decoupled weight decay, warm-up plus cosine learning-rate schedule, global-norm
 * gradient clipping, deterministic batches, resumable state, progress and loss curves; batches may add vectors to
 * chosen activations of chosen rows ({@link org.vivarium.runtime.train.RowInjection}).
 */
package org.vivarium.runtime.train;
