package org.vivarium.importer.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.vivarium.api.VivariumException;

/**
 * One ONNX {@code TensorProto}: an initializer or a {@code Constant} node's value. The data stays a slice of the
 * model file until {@link #floats()} or {@link #longs()} copies it out.
 *
 * @param name the tensor's name
 * @param dims the shape
 * @param dataType the ONNX element type ({@link #FLOAT}, {@link #INT64}, …)
 * @param raw the little-endian {@code raw_data}, or {@code null}
 * @param floatData the {@code float_data} values (empty if absent)
 * @param int64Data the {@code int64_data} values (empty if absent)
 * @param external whether the data lives in a separate file ({@code data_location = EXTERNAL})
 */
public record OnnxTensor(String name, long[] dims, int dataType, ByteBuffer raw, float[] floatData, long[] int64Data,
        boolean external) {
    /** ONNX {@code TensorProto.FLOAT}. */
    public static final int FLOAT = 1;
    /** ONNX {@code TensorProto.INT32}. */
    public static final int INT32 = 6;
    /** ONNX {@code TensorProto.INT64}. */
    public static final int INT64 = 7;

    /** @return the number of elements */
    public long numel() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** @return the shape as ints */
    public int[] shape() {
        return Arrays.stream(dims).mapToInt(Math::toIntExact).toArray();
    }

    /**
     * Copies the values out as floats.
     *
     * @return the values, row-major
     * @throws VivariumException if the tensor is not float32, is stored externally, or its data does not fit its shape
     */
    public float[] floats() {
        check(FLOAT, "float32");
        float[] out;
        if (raw != null) {
            out = new float[raw.remaining() / 4];
            raw.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        } else {
            out = floatData.clone();
        }
        checkCount(out.length);
        return out;
    }

    /**
     * Copies the values out as longs (int64 or int32 tensors).
     *
     * @return the values, row-major
     * @throws VivariumException if the tensor is not an integer tensor or its data does not fit its shape
     */
    public long[] longs() {
        if (dataType == INT32 && raw != null && !external) {
            long[] out = new long[raw.remaining() / 4];
            ByteBuffer b = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getInt();
            }
            checkCount(out.length);
            return out;
        }
        check(INT64, "int64");
        long[] out;
        if (raw != null) {
            out = new long[raw.remaining() / 8];
            raw.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        } else {
            out = int64Data.clone();
        }
        checkCount(out.length);
        return out;
    }

    private void check(int type, String typeName) {
        if (external) {
            throw new VivariumException("ONNX tensor " + name + " keeps its data in an external file",
                    "export the model with its weights inside the .onnx file (save_as_external_data=False)");
        }
        if (dataType != type) {
            throw new VivariumException("ONNX tensor " + name + " has element type " + typeName(dataType)
                    + " where " + typeName + " is supported", "export the model in float32 (not quantized or fp16)");
        }
    }

    private void checkCount(int n) {
        if (n != numel()) {
            throw new VivariumException("ONNX tensor " + name + " has " + n + " values but its shape "
                    + Arrays.toString(dims) + " needs " + numel(), "the .onnx file is corrupt; export it again");
        }
    }

    /**
     * Names an ONNX element type.
     *
     * @param type the {@code TensorProto.DataType} number
     * @return e.g. {@code float16}
     */
    public static String typeName(int type) {
        return switch (type) {
            case 1 -> "float32";
            case 2 -> "uint8";
            case 3 -> "int8";
            case 6 -> "int32";
            case 7 -> "int64";
            case 9 -> "bool";
            case 10 -> "float16";
            case 11 -> "float64";
            case 16 -> "bfloat16";
            default -> "type " + type;
        };
    }
}
