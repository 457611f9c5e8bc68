/**
 * Fills the activation cache from a model: runs prompt batches with {@code runWithCache} and appends
 * every captured hook as rows, one commit per batch.
 */
package org.vivarium.cache.capture;
