package org.vivarium.api.index;

/**
 * A marked character range in a highlighted context.
 *
 * @param start first marked character (inclusive)
 * @param end end of the range (exclusive)
 * @param kind why the range is marked
 */
public record Mark(int start, int end, Kind kind) {

    /** Why a range is marked. */
    public enum Kind {
        /** The token on which the feature fired. */
        FIRING,
        /** A word that matched a query term. */
        QUERY_TERM
    }
}
