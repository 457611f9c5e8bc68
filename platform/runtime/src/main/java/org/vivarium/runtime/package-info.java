/**
 * The DJL (PyTorch engine) implementation of {@link org.vivarium.api.model.ModelRuntime}: loads
 * checkpoints into hooked transformers. Nothing here is exported to plugins; they see the API only.
 */
package org.vivarium.runtime;
