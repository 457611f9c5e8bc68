package org.vivarium.api.cache;

/**
 * One cached activation row.
 *
 * @param seq the sequence (prompt) index within the run
 * @param pos the token position within the sequence
 * @param values the activation vector (owned by this record)
 */
public record CachedRow(int seq, int pos, float[] values) {
}
