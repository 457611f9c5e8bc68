/**
 * Turning input-direction activations into context-index records: for each direction, each prompt's most
 * activating token with a window of text around it, best prompts first; and publishing them to the host's
 * context index.
 */
package org.vivarium.plugin.lorainterp.contexts;
