package org.vivarium.api.context;

/**
 * One position where a feature fired.
 *
 * @param seq the sequence (prompt) index
 * @param pos the token position in the sequence
 * @param activation the feature's activation there
 */
public record Firing(int seq, int pos, float activation) {

    /**
     * Returns whether this firing ranks above another: larger activation first, then lower sequence, then lower
     * position (a total order, so top-k results never depend on the order positions were seen in).
     *
     * @param other the other firing
     * @return true if this one comes first
     */
    public boolean ranksAbove(Firing other) {
        return TopPositions.above(activation, seq, pos, other.activation, other.seq, other.pos);
    }
}
