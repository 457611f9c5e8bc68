/**
 * Running the model over the prompt set through the platform API: tokenizing, batching equal-length
 * prompts, and turning cached hook activations into probe features and per-token vectors.
 */
package org.vivarium.plugin.probes.extract;
