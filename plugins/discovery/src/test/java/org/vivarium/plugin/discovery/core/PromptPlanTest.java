package org.vivarium.plugin.discovery.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptPlanTest {
    @Test
    void partsAreDisjointShortAndSized() {
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            corpus.add("q: prompt " + i + "x".repeat(i % 40) + " a:");
        }
        PromptPlan p = PromptPlan.of(corpus, 16, 1);
        assertEquals(32, p.fit().size());
        assertEquals(16, p.validation().size());
        assertEquals(16, p.test().size());
        Set<String> all = new HashSet<>(p.fit());
        all.addAll(p.validation());
        all.addAll(p.test());
        assertEquals(64, all.size());
        int median = corpus.stream().mapToInt(String::length).sorted().toArray()[150];
        assertTrue(all.stream().allMatch(s -> s.length() <= median));
        assertEquals(p, PromptPlan.of(corpus, 16, 1));
    }

    @Test
    void lengthBatchesHoldOneLengthEach() {
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(new int[3 + i % 3]);
        }
        int total = 0;
        for (int[] b : LengthBatches.plan(rows)) {
            assertTrue(b.length <= LengthBatches.MAX_ROWS);
            for (int r : b) {
                assertEquals(rows.get(b[0]).length, rows.get(r).length);
            }
            total += b.length;
        }
        assertEquals(300, total);
    }
}
