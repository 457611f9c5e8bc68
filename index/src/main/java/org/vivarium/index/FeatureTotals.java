package org.vivarium.index;

import org.vivarium.api.index.FeatureAggregate;

/** Running count, maximum and sum of activations for one feature (mutable, single-threaded). */
final class FeatureTotals {
    private long count;
    private float max = Float.NEGATIVE_INFINITY;
    private double sum;

    /**
     * Adds a segment's partial totals.
     *
     * @param n number of contexts
     * @param segmentMax their maximum activation
     * @param segmentSum their activation sum
     */
    void add(long n, float segmentMax, double segmentSum) {
        count += n;
        max = Math.max(max, segmentMax);
        sum += segmentSum;
    }

    /**
     * Adds another feature's totals (when merging collectors).
     *
     * @param other totals for the same feature
     */
    void merge(FeatureTotals other) {
        add(other.count, other.max, other.sum);
    }

    /**
     * Returns the totals as an API record.
     *
     * @param feature the feature id
     * @return the aggregate
     */
    FeatureAggregate toAggregate(String feature) {
        return new FeatureAggregate(feature, count, max, count == 0 ? 0 : sum / count);
    }
}
