package org.vivarium.plugin.sae.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vivarium.api.VivariumException;

/**
 * Reads and writes little-endian float32 arrays in numpy's {@code .npy} format (version 1.0, C order), the
 * header padded to 64 bytes. Writes go to a temporary file that is then moved into place.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * Writes a matrix.
     *
     * @param file the target
     * @param rows the rows, all the same length
     */
    public static void write(Path file, float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        write(file, new int[] {rows.length, cols}, out -> {
            ByteBuffer b = ByteBuffer.allocate(cols * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] row : rows) {
                b.clear();
                b.asFloatBuffer().put(row, 0, cols);
                out.write(b.array(), 0, cols * 4);
            }
        });
    }

    /**
     * Writes a vector.
     *
     * @param file the target
     * @param values the values
     */
    public static void write(Path file, float[] values) {
        write(file, new int[] {values.length}, out -> {
            ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(values);
            out.write(b.array());
        });
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void write(Path file, int[] shape, Body body) {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': " + shapeText
                + ", }");
        while ((MAGIC.length + 4 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                out.write(MAGIC);
                out.write(new byte[] {1, 0});
                byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
                out.write(h.length & 0xff);
                out.write(h.length >>> 8);
                out.write(h);
                body.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new VivariumException("cannot write " + file + ": " + e.getMessage(),
                    "check the output directory is writable and the disk has space", e);
        }
    }

    /**
     * Reads an array as flat values plus shape.
     *
     * @param file the file
     * @param expectedShape the shape it must have
     * @return the values, row-major
     * @throws VivariumException if the file is missing, not float32 .npy, or has another shape
     */
    public static float[] read(Path file, int... expectedShape) {
        if (!Files.isRegularFile(file)) {
            throw new VivariumException("SAE file " + file + " is missing", "train the SAE again with 'viv sae train'");
        }
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] magic = in.readNBytes(8);
            if (magic.length < 8 || magic[1] != 'N' || magic[5] != 'Y' || magic[0] != MAGIC[0]) {
                throw bad(file, "is not a .npy file");
            }
            int hlen = magic[6] == 1 ? (in.read() | in.read() << 8)
                    : (in.read() | in.read() << 8 | in.read() << 16 | in.read() << 24);
            String header = new String(in.readNBytes(hlen), StandardCharsets.US_ASCII);
            if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) {
                throw bad(file, "is not a C-order little-endian float32 array (" + header.trim() + ")");
            }
            Matcher m = SHAPE.matcher(header);
            if (!m.find()) {
                throw bad(file, "has no shape in its header");
            }
            String[] parts = m.group(1).split(",");
            int count = 0;
            int[] shape = new int[expectedShape.length];
            for (String p : parts) {
                if (!p.isBlank()) {
                    if (count < shape.length) {
                        shape[count] = Integer.parseInt(p.trim());
                    }
                    count++;
                }
            }
            if (count != expectedShape.length || !java.util.Arrays.equals(shape, expectedShape)) {
                throw bad(file, "has shape (" + m.group(1) + "), expected " + java.util.Arrays.toString(expectedShape));
            }
            long n = 1;
            for (int d : expectedShape) {
                n *= d;
            }
            byte[] data = in.readNBytes((int) (n * 4));
            if (data.length != n * 4) {
                throw bad(file, "is truncated");
            }
            float[] out = new float[(int) n];
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        } catch (IOException | NumberFormatException e) {
            throw new VivariumException("cannot read " + file + ": " + e.getMessage(),
                    "train the SAE again with 'viv sae train'", e);
        }
    }

    /**
     * Reads a matrix.
     *
     * @param file the file
     * @param rows expected rows
     * @param cols expected columns
     * @return the rows
     */
    public static float[][] readMatrix(Path file, int rows, int cols) {
        float[] flat = read(file, rows, cols);
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }

    private static VivariumException bad(Path file, String what) {
        return new VivariumException("SAE file " + file + " " + what, "train the SAE again with 'viv sae train'");
    }
}
