/**
 * Feature dashboards: one streaming scan of the cached activations collects every latent's firing count,
 * maximum and top-k contexts, a second one its activation histogram and the activations around its top
 * contexts; the decoder directions are read through the unembedding; the result is written as HTML and
 * JSON and published to the context index.
 */
package org.vivarium.plugin.sae.dash;
