package org.vivarium.runtime.train;

/**
 * A vector added to the activation at one hook point, batch row and position in a training forward pass.
 *
 * @param row the batch row
 * @param hook the hook path, e.g. {@code blocks.0.hook_resid_post} (see {@link InjectionSites})
 * @param position the token position in that row
 * @param vector the addition, of the hook's width (not copied; do not change it afterwards)
 */
public record RowInjection(int row, String hook, int position, float[] vector) {
}
