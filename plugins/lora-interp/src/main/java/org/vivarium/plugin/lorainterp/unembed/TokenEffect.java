package org.vivarium.plugin.lorainterp.unembed;

/**
 * One token's logit change per unit of a direction.
 *
 * @param id the token id
 * @param text the token's text
 * @param logit the change in its logit
 */
public record TokenEffect(int id, String text, double logit) {
}
