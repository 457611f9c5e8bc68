/**
 * The {@code probes} method plugin: linear (logistic) and difference-of-means probes per hook, fitted on
 * a model's activations over a labelled prompt set. It sees only the platform API and the report library.
 */
package org.vivarium.plugin.probes;
