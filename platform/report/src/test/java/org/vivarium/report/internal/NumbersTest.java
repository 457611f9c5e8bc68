package org.vivarium.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void compactKeepsSignificantDigitsAndDropsTrailingZeros() {
        assertEquals("2.314", Numbers.compact(2.31449, 4));
        assertEquals("391.2", Numbers.compact(391.23, 4));
        assertEquals("0.5", Numbers.compact(0.5, 4));
        assertEquals("2", Numbers.compact(2.0, 4));
        assertEquals("0", Numbers.compact(-0.0, 4));
    }

    @Test
    void compactUsesSiSuffixesForLargeAndScientificForTinyValues() {
        assertEquals("51.2k", Numbers.compact(51_200, 3));
        assertEquals("1M", Numbers.compact(999_999, 3));
        assertEquals("-2.5M", Numbers.compact(-2_500_000, 3));
        assertEquals("1.5e-05", Numbers.compact(0.000015, 3));
        assertEquals("NaN", Numbers.compact(Double.NaN, 3));
    }

    @Test
    void fixedUsesRootLocaleAndNoNegativeZero() {
        assertEquals("0.500", Numbers.fixed(0.5, 3));
        assertEquals("0.00", Numbers.fixed(-0.001, 2));
        assertEquals("-inf", Numbers.fixed(Double.NEGATIVE_INFINITY, 2));
    }
}
