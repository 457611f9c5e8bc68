/**
 * The decoder: its spec (what it reads, where and how large the injection is), training through the platform
 * fine-tuner with the activation injected at the placeholder, and answering with the same injection as a hook.
 */
package org.vivarium.plugin.latentqa.decoder;
