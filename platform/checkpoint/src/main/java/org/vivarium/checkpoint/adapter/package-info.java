/**
 * LoRA adapters on disk and in plain Java: which weight matrices can be adapted, the adapter files
 * ({@code adapter.safetensors} + {@code adapter_config.json}) and merging {@code W + (alpha/r) A B} into weights.
 */
package org.vivarium.checkpoint.adapter;
