package org.vivarium.plugin.probes.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptBatchesTest {

    @Test
    void batchesHoldPromptsOfOneLengthWithinTheTokenBudget() {
        int[][] tokens = {new int[3], new int[5], new int[3], new int[3], new int[5], new int[40]};
        List<int[]> batches = PromptBatches.plan(tokens, 6);
        assertArrayEquals(new int[] {0, 2}, batches.get(0));
        assertArrayEquals(new int[] {3}, batches.get(1));
        assertArrayEquals(new int[] {1}, batches.get(2));
        assertArrayEquals(new int[] {4}, batches.get(3));
        assertArrayEquals(new int[] {5}, batches.get(4), "a prompt longer than the budget still gets a batch");
        assertEquals(5, batches.size());
        for (int[] b : batches) {
            assertTrue(java.util.Arrays.stream(b).map(i -> tokens[i].length).distinct().count() == 1);
        }
    }
}
