package org.vivarium.cache.export;

import java.nio.charset.StandardCharsets;

/** Builds a {@code .npy} version 1.0 header (magic, version, padded dict, 64-byte aligned). */
final class NpyHeader {
    private NpyHeader() {
    }

    /**
     * Encodes a C-order header.
     *
     * @param descr numpy dtype string, e.g. {@code <f4}
     * @param shape the dimensions
     * @return the header bytes, a multiple of 64 long
     */
    static byte[] encode(String descr, long... shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(shape[i]).append(shape.length == 1 ? "," : i + 1 < shape.length ? ", " : "");
        }
        s.append(')');
        StringBuilder dict = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + s
                + ", }");
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        dict.append(" ".repeat(pad)).append('\n');
        byte[] d = dict.toString().getBytes(StandardCharsets.US_ASCII);
        if (d.length > 0xffff) {
            throw new IllegalArgumentException("npy header too long");
        }
        byte[] out = new byte[10 + d.length];
        out[0] = (byte) 0x93;
        System.arraycopy("NUMPY".getBytes(StandardCharsets.US_ASCII), 0, out, 1, 5);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) (d.length & 0xff);
        out[9] = (byte) (d.length >>> 8);
        System.arraycopy(d, 0, out, 10, d.length);
        return out;
    }
}
