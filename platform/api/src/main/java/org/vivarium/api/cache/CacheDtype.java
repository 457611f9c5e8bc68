package org.vivarium.api.cache;

import java.util.Locale;
import org.vivarium.api.VivariumException;

/**
 * How a run's rows are stored on disk. Rows always read back as {@code float}.
 *
 * <p>{@link #F16} halves the disk use. It keeps 11 significant bits: for |x| between 6.1e-5 and
 * 65504 the relative error is at most 2<sup>-11</sup> (about 4.9e-4); smaller values lose at most
 * 2<sup>-25</sup> absolutely; larger ones become infinite (as numpy's {@code astype(float16)}).
 */
public enum CacheDtype {
    /** IEEE 754 single precision, 4 bytes per value, exact. */
    F32(4),
    /** IEEE 754 half precision, 2 bytes per value, rounded to nearest even. */
    F16(2);

    private final int bytes;

    CacheDtype(int bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns the stored size of one value.
     *
     * @return 4 or 2
     */
    public int bytesPerValue() {
        return bytes;
    }

    /**
     * Parses {@code f32}/{@code float32} or {@code f16}/{@code float16}/{@code half}.
     *
     * @param text the name as typed
     * @return the dtype
     * @throws VivariumException for any other text
     */
    public static CacheDtype parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "f32": case "float32": case "float":
                return F32;
            case "f16": case "float16": case "half": case "fp16":
                return F16;
            default:
                throw new VivariumException("unknown cache dtype \"" + text + "\"", "use f32 or f16");
        }
    }
}
