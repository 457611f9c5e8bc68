package org.vivarium.api.index;

/**
 * How one feature fires across the contexts that match a query.
 *
 * @param feature feature id, e.g. {@code sae/L1/812}
 * @param count number of matching contexts of this feature
 * @param maxActivation highest activation among them
 * @param meanActivation mean activation among them
 */
public record FeatureAggregate(String feature, long count, float maxActivation, double meanActivation) {
}
