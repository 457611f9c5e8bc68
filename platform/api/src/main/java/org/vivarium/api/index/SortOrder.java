package org.vivarium.api.index;

/** How search results are ordered. */
public enum SortOrder {
    /** Highest activation first (the default). */
    ACTIVATION,
    /** Best text match first (Lucene's BM25 score). */
    RELEVANCE
}
