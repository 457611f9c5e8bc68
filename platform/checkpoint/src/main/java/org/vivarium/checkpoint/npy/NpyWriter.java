package org.vivarium.checkpoint.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.io.AtomicFiles;
import org.vivarium.checkpoint.io.FloatChannels;

/**
 * Writes one tensor in numpy's {@code .npy} format version 1.0 so that {@code numpy.load} reads it.
 *
 * <pre>{@code
 * NpyWriter.write(Path.of("resid.npy"), cache.get("blocks.0.hook_resid_post"));
 * // python: np.load("resid.npy").shape == (batch, pos, d_model)
 * }</pre>
 *
 * <p>Layout: magic {@code \x93NUMPY}, version bytes {@code 1 0}, a little-endian uint16 header length,
 * an ASCII dict {@code {'descr': '<f4', 'fortran_order': False, 'shape': (..), }} padded with spaces and
 * ending in a newline so the data starts on a 64-byte boundary, then the float32 data.
 */
public final class NpyWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGN = 64;

    private NpyWriter() {
    }

    /**
     * Writes a tensor to a file, atomically.
     *
     * @param file the target {@code .npy} file
     * @param tensor the tensor
     */
    public static void write(Path file, Tensor tensor) {
        AtomicFiles.write(file, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeTo(ch, tensor);
            }
        });
    }

    /**
     * Streams a tensor in {@code .npy} format to a channel (e.g. a zip entry for an {@code .npz}).
     *
     * @param ch the destination
     * @param tensor the tensor
     * @throws IOException on write failure
     */
    public static void writeTo(WritableByteChannel ch, Tensor tensor) throws IOException {
        byte[] dict = header(tensor.shape());
        ByteBuffer pre = ByteBuffer.allocate(MAGIC.length + 2 + dict.length).order(ByteOrder.LITTLE_ENDIAN);
        pre.put(MAGIC).putShort((short) dict.length).put(dict).flip();
        FloatChannels.writeFully(ch, pre);
        FloatChannels.writeF32(ch, tensor.data(), FloatChannels.newScratch());
    }

    /**
     * Builds the padded header dict.
     *
     * @param shape the dimensions
     * @return ASCII bytes, ending in a newline, such that magic + length + dict is a multiple of 64
     */
    static byte[] header(int[] shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        if (shape.length == 1) {
            dims.append(',');
        }
        dims.append(')');
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int pad = (ALIGN - unpadded % ALIGN) % ALIGN;
        if (dict.length() + pad + 1 > 0xffff) {
            throw new IllegalArgumentException("shape has too many dimensions for .npy 1.0: " + shape.length);
        }
        return (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
