/**
 * The saved form of a trained SAE: its four tensors as numpy {@code .npy} files (SAELens names and shapes,
 * readable with {@code numpy.load}) plus {@code sae.json} holding the hyper-parameters, the input scaling,
 * the metrics and the provenance of the cached activations it was trained on.
 */
package org.vivarium.plugin.sae.io;
