package org.vivarium.importer.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A protobuf wire-format reader over a {@link ByteBuffer}, enough to walk ONNX messages.
 *
 * <p>Why not a library: ONNX Runtime's Java API does not expose initializers, and protobuf-java would need classes
 * generated from {@code onnx.proto} (a build-time protoc download or a large vendored file) and would copy the whole
 * model into heap {@code ByteString}s. Reading an initializer here is a slice of the buffer, so a mapped 90 MB model
 * costs no copy until its floats are taken.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final ByteBuffer buf;
    private int tag;

    ProtoReader(ByteBuffer buf) {
        this.buf = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Reads the next field key.
     *
     * @return false at the end of the message
     */
    boolean next() {
        if (!buf.hasRemaining()) {
            return false;
        }
        long key = rawVarint();
        tag = (int) key;
        if (field() == 0) {
            throw new MalformedProtoException("field number 0 at byte " + (buf.position() - 1));
        }
        return true;
    }

    int field() {
        return tag >>> 3;
    }

    int wireType() {
        return tag & 7;
    }

    long varint() {
        expect(VARINT);
        return rawVarint();
    }

    private long rawVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = get();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new MalformedProtoException("varint longer than 10 bytes at byte " + buf.position());
    }

    float fixed32Float() {
        expect(FIXED32);
        need(4);
        return buf.getFloat();
    }

    long fixed64() {
        expect(FIXED64);
        need(8);
        return buf.getLong();
    }

    /** @return the bytes of a length-delimited field, as a little-endian slice (not a copy) */
    ByteBuffer bytes() {
        expect(LENGTH_DELIMITED);
        long len = rawVarint();
        if (len < 0 || len > buf.remaining()) {
            throw new MalformedProtoException("a field claims " + len + " bytes but only " + buf.remaining()
                    + " remain at byte " + buf.position());
        }
        ByteBuffer out = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
        out.limit((int) len);
        buf.position(buf.position() + (int) len);
        return out;
    }

    String string() {
        ByteBuffer b = bytes();
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return new String(a, StandardCharsets.UTF_8);
    }

    ProtoReader message() {
        return new ProtoReader(bytes());
    }

    /** Skips the value of the current field. */
    void skip() {
        switch (wireType()) {
            case VARINT -> varint();
            case FIXED64 -> fixed64();
            case LENGTH_DELIMITED -> bytes();
            case FIXED32 -> {
                need(4);
                buf.position(buf.position() + 4);
            }
            default -> throw new MalformedProtoException("unsupported wire type " + wireType() + " for field "
                    + field() + " at byte " + buf.position());
        }
    }

    /**
     * Reads a repeated varint field, packed or not, appending to {@code out}.
     *
     * @param out the values so far
     */
    void varints(LongList out) {
        if (wireType() == LENGTH_DELIMITED) {
            ProtoReader packed = new ProtoReader(bytes());
            while (packed.buf.hasRemaining()) {
                out.add(packed.rawVarint());
            }
        } else {
            out.add(varint());
        }
    }

    /**
     * Reads a repeated float field, packed or not, appending to {@code out}.
     *
     * @param out the values so far
     */
    void floats(FloatList out) {
        if (wireType() == LENGTH_DELIMITED) {
            ByteBuffer b = bytes();
            while (b.remaining() >= 4) {
                out.add(b.getFloat());
            }
        } else {
            out.add(fixed32Float());
        }
    }

    private void expect(int wire) {
        if (wireType() != wire) {
            throw new MalformedProtoException("field " + field() + " has wire type " + wireType() + " where "
                    + wire + " was expected, at byte " + buf.position());
        }
    }

    private byte get() {
        need(1);
        return buf.get();
    }

    private void need(int n) {
        if (buf.remaining() < n) {
            throw new MalformedProtoException("message ends inside a field at byte " + buf.position());
        }
    }

    /** A protobuf message that cannot be parsed; the ONNX reader turns it into one user-facing error. */
    static final class MalformedProtoException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedProtoException(String message) {
            super(message);
        }
    }

    /** A growable {@code long[]}. */
    static final class LongList {
        private long[] a = new long[8];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    /** A growable {@code float[]}. */
    static final class FloatList {
        private float[] a = new float[8];
        private int n;

        void add(float v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
