package org.vivarium.api.index;

import java.util.List;

/**
 * The hits of one search.
 *
 * @param query the query as the user typed it
 * @param totalHits number of matching contexts (a lower bound when {@code totalExact} is false)
 * @param totalExact whether {@code totalHits} is exact
 * @param hits the top hits, in order
 */
public record SearchResults(String query, long totalHits, boolean totalExact, List<ContextHit> hits) {

    /**
     * Copies the hit list.
     */
    public SearchResults {
        hits = List.copyOf(hits);
    }
}
