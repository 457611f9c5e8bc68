/**
 * Reading a residual-stream direction through the unembedding: which tokens' logits it raises and lowers.
 */
package org.vivarium.plugin.lorainterp.unembed;
