package org.vivarium.checkpoint.safetensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfPrecisionTest {

    @Test
    void everyF16ValueSurvivesWideningAndNarrowing() {
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfPrecision.f16ToFloat((short) h);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(HalfPrecision.f16ToFloat(HalfPrecision.floatToF16(f))));
                continue;
            }
            assertEquals(h, HalfPrecision.floatToF16(f) & 0xffff, "bits " + Integer.toHexString(h));
        }
    }

    @Test
    void f16KnownValuesAndRounding() {
        assertEquals(1.0f, HalfPrecision.f16ToFloat((short) 0x3c00));
        assertEquals(-2.0f, HalfPrecision.f16ToFloat((short) 0xc000));
        assertEquals(65504f, HalfPrecision.f16ToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, HalfPrecision.f16ToFloat((short) 0x0001));
        assertEquals(Float.NEGATIVE_INFINITY, HalfPrecision.f16ToFloat((short) 0xfc00));
        assertEquals(0x7c00, HalfPrecision.floatToF16(65520f) & 0xffff); // halfway to overflow: rounds to inf
        assertEquals(0x7bff, HalfPrecision.floatToF16(65519f) & 0xffff);
        // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to even (1.0)
        assertEquals(0x3c00, HalfPrecision.floatToF16(1f + 0x1p-11f) & 0xffff);
        assertEquals(0x3c02, HalfPrecision.floatToF16(1f + 3 * 0x1p-11f) & 0xffff);
        assertEquals(0x0000, HalfPrecision.floatToF16(0x1p-26f) & 0xffff); // underflow to +0
        assertEquals(0x8000, HalfPrecision.floatToF16(-0f) & 0xffff);
    }

    @Test
    void bf16KnownValuesAndRounding() {
        assertEquals(1.0f, HalfPrecision.bf16ToFloat((short) 0x3f80));
        assertEquals(-2.0f, HalfPrecision.bf16ToFloat((short) 0xc000));
        assertEquals(0x3f80, HalfPrecision.floatToBf16(1.0f) & 0xffff);
        assertEquals(0x3f80, HalfPrecision.floatToBf16(Float.intBitsToFloat(0x3f808000)) & 0xffff); // tie to even
        assertEquals(0x3f82, HalfPrecision.floatToBf16(Float.intBitsToFloat(0x3f818000)) & 0xffff); // tie to even
        assertEquals(0x3f81, HalfPrecision.floatToBf16(Float.intBitsToFloat(0x3f808001)) & 0xffff);
        assertTrue(Float.isNaN(HalfPrecision.bf16ToFloat(HalfPrecision.floatToBf16(Float.NaN))));
        assertEquals(Float.POSITIVE_INFINITY, HalfPrecision.bf16ToFloat(HalfPrecision.floatToBf16(Float.MAX_VALUE)));
    }
}
