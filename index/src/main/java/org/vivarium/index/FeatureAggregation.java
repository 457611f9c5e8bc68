package org.vivarium.index;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.CollectorManager;
import org.vivarium.api.index.FeatureAggregate;

/** Runs {@link FeatureCollector}s (one per search slice) and merges them into ranked aggregates. */
final class FeatureAggregation implements CollectorManager<FeatureCollector, Map<String, FeatureTotals>> {

    /** Order: most contexts first, then highest activation, then feature id. */
    static final Comparator<FeatureAggregate> RANKING = Comparator.comparingLong(FeatureAggregate::count).reversed()
            .thenComparing(Comparator.comparingDouble(FeatureAggregate::maxActivation).reversed())
            .thenComparing(FeatureAggregate::feature);

    @Override
    public FeatureCollector newCollector() {
        return new FeatureCollector();
    }

    @Override
    public Map<String, FeatureTotals> reduce(Collection<FeatureCollector> collectors) throws IOException {
        Map<String, FeatureTotals> merged = new HashMap<>();
        for (FeatureCollector c : collectors) {
            c.totals().forEach((feature, t) -> merged.computeIfAbsent(feature, f -> new FeatureTotals()).merge(t));
        }
        return merged;
    }

    /**
     * Ranks merged totals and keeps the best {@code n}.
     *
     * @param totals feature id to totals
     * @param n how many to keep
     * @return the best features, in {@link #RANKING} order
     */
    static List<FeatureAggregate> top(Map<String, FeatureTotals> totals, int n) {
        return totals.entrySet().stream()
                .map(e -> e.getValue().toAggregate(e.getKey()))
                .sorted(RANKING)
                .limit(n)
                .toList();
    }
}
