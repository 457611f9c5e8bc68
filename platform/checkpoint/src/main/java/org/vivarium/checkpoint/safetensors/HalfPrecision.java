package org.vivarium.checkpoint.safetensors;

/**
 * Bit-exact conversions between {@code float} and the two 16-bit float formats (Java 17 has none).
 * Narrowing rounds to nearest, ties to even, as numpy and PyTorch do.
 */
public final class HalfPrecision {
    private HalfPrecision() {
    }

    /**
     * Widens an IEEE binary16 value.
     *
     * @param bits the 16 bits
     * @return the exact float value
     */
    public static float f16ToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal or zero, exact
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /**
     * Narrows a float to IEEE binary16, rounding to nearest even; overflow gives infinity.
     *
     * @param value the value
     * @return the 16 bits
     */
    public static short floatToF16(float value) {
        int f = Float.floatToRawIntBits(value);
        int sign = (f >>> 16) & 0x8000;
        int abs = f & 0x7fffffff;
        if (abs >= 0x7f800000) {
            int nan = abs > 0x7f800000 ? 0x200 | ((abs >>> 13) & 0x3ff) : 0;
            return (short) (sign | 0x7c00 | nan);
        }
        if (abs >= 0x477ff000) { // >= 65520 rounds to infinity
            return (short) (sign | 0x7c00);
        }
        if (abs < 0x38800000) { // below 2^-14: subnormal half (or zero)
            int m = (int) Math.rint(Float.intBitsToFloat(abs) * 0x1p24);
            return (short) (sign | m);
        }
        int h = (((abs >>> 23) - 112) << 10) | ((abs & 0x7fffff) >>> 13);
        int rest = abs & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (h & 1) != 0)) {
            h++; // a carry into the exponent is still the correct rounding
        }
        return (short) (sign | h);
    }

    /**
     * Widens a bfloat16 value.
     *
     * @param bits the 16 bits
     * @return the exact float value
     */
    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /**
     * Narrows a float to bfloat16, rounding to nearest even.
     *
     * @param value the value
     * @return the 16 bits
     */
    public static short floatToBf16(float value) {
        int f = Float.floatToRawIntBits(value);
        if ((f & 0x7fffffff) > 0x7f800000) {
            return (short) ((f >>> 16) | 0x40); // keep NaN a (quiet) NaN
        }
        int rounding = 0x7fff + ((f >>> 16) & 1);
        return (short) ((f + rounding) >>> 16);
    }
}
