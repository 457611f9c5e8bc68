/**
 * LoRA in the runtime: adapter settings, trainable low-rank adapters applied on the fly in the forward pass,
 * loading base plus adapter into a runnable model, and the adapters' weight changes for interpretation.
 */
package org.vivarium.runtime.lora;
