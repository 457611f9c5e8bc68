package org.vivarium.api.index;

/**
 * One search result: the stored context record, its rank and score, and the highlighted text.
 *
 * @param rank 1-based position in the result list
 * @param record the indexed context
 * @param score the text-match score (BM25); 0 when results are sorted by activation
 * @param highlight the context text with the firing token (and matched query words) marked
 */
public record ContextHit(int rank, ContextRecord record, float score, HighlightedText highlight) {
}
