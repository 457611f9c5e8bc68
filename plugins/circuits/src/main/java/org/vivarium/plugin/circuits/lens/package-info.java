/**
 * Reading the residual stream through the unembedding: the logit lens per layer and direct logit attribution per
 * layer and per head.
 */
package org.vivarium.plugin.circuits.lens;
