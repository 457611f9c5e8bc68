/**
 * Exports cached runs to files Python loads directly: {@code .npy} (one hook, {@code [rows, width]} f32)
 * and safetensors (a whole run: one tensor per hook plus {@code seq}/{@code pos} index tensors).
 */
package org.vivarium.cache.export;
