package org.vivarium.api.audit;

/**
 * One attention head, e.g. {@code L1H3}.
 *
 * @param layer block index, from 0
 * @param head head index within the block, from 0
 */
public record HeadRef(int layer, int head) {
    /** Validates the indices. */
    public HeadRef {
        if (layer < 0 || head < 0) {
            throw new IllegalArgumentException("a head needs a layer and head index >= 0, got L" + layer + "H" + head);
        }
    }

    @Override
    public String toString() {
        return "L" + layer + "H" + head;
    }
}
