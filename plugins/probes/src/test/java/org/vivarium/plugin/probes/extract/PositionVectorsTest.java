package org.vivarium.plugin.probes.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PositionVectorsTest {

    @Test
    void viewsOneBatchRowOfABatchPosWidthArray() {
        // [batch 2, pos 2, width 3]
        float[] data = {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15};
        PositionVectors second = new PositionVectors(data, 6, 2, 3);
        assertArrayEquals(new float[] {13, 14, 15}, second.at(1));
        assertArrayEquals(new float[] {11.5f, 12.5f, 13.5f}, second.mean());
    }
}
