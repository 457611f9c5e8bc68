package org.vivarium.checkpoint.safetensors;

/** The element types Vivarium reads and writes, spelled as in the safetensors header. */
public enum DType {
    /** IEEE-754 binary32. */
    F32(4),
    /** IEEE-754 binary16 (half precision). */
    F16(2),
    /** bfloat16: the top 16 bits of a binary32. */
    BF16(2);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns the size of one element.
     *
     * @return bytes per element
     */
    public int bytes() {
        return bytes;
    }

    /**
     * Looks up a header dtype string exactly as safetensors spells it ({@code "F32"}, {@code "BF16"}).
     *
     * @param name the dtype string
     * @return the type, or {@code null} if Vivarium does not support it
     */
    public static DType fromHeader(String name) {
        for (DType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Lists the supported dtype names, for error messages.
     *
     * @return e.g. {@code "F32, F16, BF16"}
     */
    public static String supported() {
        StringBuilder sb = new StringBuilder();
        for (DType t : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(t.name());
        }
        return sb.toString();
    }
}
