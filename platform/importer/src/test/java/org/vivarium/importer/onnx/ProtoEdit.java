package org.vivarium.importer.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds and edits protobuf messages at the wire level, to make broken or foreign ONNX files for tests: a message is
 * a list of fields, each re-encoded with fresh lengths.
 */
public final class ProtoEdit {
    /**
     * One field: its number, wire type and value (a varint, or the bytes of a length-delimited/fixed field).
     *
     * @param number field number
     * @param wire wire type
     * @param varint the value of a varint field
     * @param bytes the value of any other field
     */
    public record Field(int number, int wire, long varint, byte[] bytes) {
        /** @return the value as a UTF-8 string */
        public String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private ProtoEdit() {
    }

    /**
     * Splits a message into its fields.
     *
     * @param msg the encoded message
     * @return the fields, in order
     */
    public static List<Field> fields(byte[] msg) {
        ProtoReader r = new ProtoReader(ByteBuffer.wrap(msg));
        List<Field> out = new ArrayList<>();
        while (r.next()) {
            switch (r.wireType()) {
                case ProtoReader.VARINT -> out.add(new Field(r.field(), r.wireType(), r.varint(), null));
                case ProtoReader.LENGTH_DELIMITED -> {
                    ByteBuffer b = r.bytes();
                    byte[] a = new byte[b.remaining()];
                    b.get(a);
                    out.add(new Field(r.field(), r.wireType(), 0, a));
                }
                case ProtoReader.FIXED32 -> {
                    ByteBuffer b = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    b.putFloat(r.fixed32Float());
                    out.add(new Field(r.field(), r.wireType(), 0, b.array()));
                }
                default -> {
                    ByteBuffer b = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    b.putLong(r.fixed64());
                    out.add(new Field(r.field(), r.wireType(), 0, b.array()));
                }
            }
        }
        return out;
    }

    /**
     * Encodes fields as a message.
     *
     * @param fields the fields
     * @return the bytes
     */
    public static byte[] encode(List<Field> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : fields) {
            varint(out, ((long) f.number() << 3) | f.wire());
            if (f.wire() == ProtoReader.VARINT) {
                varint(out, f.varint());
            } else {
                if (f.wire() == ProtoReader.LENGTH_DELIMITED) {
                    varint(out, f.bytes().length);
                }
                out.writeBytes(f.bytes());
            }
        }
        return out.toByteArray();
    }

    /** @param n number @param s value @return a string field */
    public static Field string(int n, String s) {
        return new Field(n, ProtoReader.LENGTH_DELIMITED, 0, s.getBytes(StandardCharsets.UTF_8));
    }

    /** @param n number @param v value @return a varint field */
    public static Field varint(int n, long v) {
        return new Field(n, ProtoReader.VARINT, v, null);
    }

    /** @param n number @param fields the sub-message @return a message field */
    public static Field message(int n, List<Field> fields) {
        return new Field(n, ProtoReader.LENGTH_DELIMITED, 0, encode(fields));
    }

    /**
     * Rewrites every sub-message with a given number.
     *
     * @param msg the message
     * @param number which field
     * @param edit maps the sub-message's fields to new ones, or to {@code null} to drop it
     * @return the edited message
     */
    public static byte[] editMessages(byte[] msg, int number, UnaryOperator<List<Field>> edit) {
        List<Field> out = new ArrayList<>();
        for (Field f : fields(msg)) {
            if (f.number() == number && f.wire() == ProtoReader.LENGTH_DELIMITED) {
                List<Field> sub = edit.apply(new ArrayList<>(fields(f.bytes())));
                if (sub != null) {
                    out.add(message(number, sub));
                }
            } else {
                out.add(f);
            }
        }
        return encode(out);
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
