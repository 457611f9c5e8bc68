package org.vivarium.api.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {
    @Test
    void blocksOfFourGoTwoToFitOneToValidationOneToTest() {
        Split s = Split.of(10);
        assertArrayEquals(new int[] {0, 1, 4, 5, 8, 9}, s.fitIdx());
        assertArrayEquals(new int[] {2, 6}, s.validationIdx());
        assertArrayEquals(new int[] {3, 7}, s.testIdx());
        List<String> items = IntStream.range(0, 10).mapToObj(i -> "p" + i).toList();
        assertEquals(List.of("p2", "p6"), s.validation(items));
        assertEquals(List.of("p3", "p7"), s.test(items));
        assertThrows(IllegalArgumentException.class, () -> Split.of(3));
    }

    @Test
    void byLabelKeepsBothLabelsInEveryPartWhenLabelsAlternate() {
        int[] labels = new int[16];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2;
        }
        Split s = Split.byLabel(labels);
        for (int[] part : List.of(s.fitIdx(), s.validationIdx(), s.testIdx())) {
            long ones = IntStream.of(part).filter(i -> labels[i] == 1).count();
            assertEquals(part.length - ones, ones, "balanced part");
        }
        assertEquals(8, s.fitIdx().length);
        assertEquals(4, s.validationIdx().length);
        assertEquals(4, s.testIdx().length);
        // Split.of on the same alternating labels would give one label per part
        assertEquals(0, IntStream.of(Split.of(16).validationIdx()).filter(i -> labels[i] == 1).count());
    }
}
