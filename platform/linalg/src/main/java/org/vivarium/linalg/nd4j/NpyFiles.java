package org.vivarium.linalg.nd4j;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vivarium.api.VivariumException;
import org.vivarium.api.linalg.FloatMatrix;

/**
 * {@code .npy} files through ND4J ({@link Nd4j#createFromNpyFile} and {@link Nd4j#writeAsNumpy}). The header is
 * checked here first, so a file ND4J's native reader cannot take ends in a one-line error rather than in native
 * code.
 */
final class NpyFiles {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFiles() {
    }

    /**
     * Reads a 1-d or 2-d float32 or float64 array.
     *
     * @param file the file
     * @return the values as float32, one row for a 1-d array
     */
    static FloatMatrix read(Path file) {
        int rank = checkHeader(file).rank();
        INDArray a = Nd4j.createFromNpyFile(file.toFile());
        if (rank == 1) {
            a = a.reshape(1, a.length());
        }
        return Matrices.toFloat(a);
    }

    /**
     * Reads a 1-d float32 or float64 array.
     *
     * @param file the file
     * @return the values as float32
     */
    static float[] readVector(Path file) {
        Header h = checkHeader(file);
        if (h.rank() != 1) {
            throw new VivariumException(file + " holds a " + h.rank() + "-d array (shape (" + h.shape()
                    + ")) where a 1-d array was expected", "save a 1-d array: numpy.save(path, array.ravel())");
        }
        return Nd4j.createFromNpyFile(file.toFile()).castTo(DataType.FLOAT).data().asFloat();
    }

    /**
     * Writes a float32 array of any rank through a temporary file in the same directory, then moves it into place.
     *
     * @param file the file, replaced if it exists
     * @param a the values (FLOAT, C order)
     */
    static void write(Path file, INDArray a) {
        Path tmp = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, file.getFileName() + ".", ".tmp");
            Nd4j.writeAsNumpy(a, tmp.toFile());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new VivariumException("cannot write " + file + ": " + e.getMessage(),
                    "check that the directory is writable and the disk has space", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the move already failed and is reported; a stray temporary file is harmless
                }
            }
        }
    }

    /** The parts of a header the readers need: the rank and the shape as written between the parentheses. */
    private record Header(int rank, String shape) {
    }

    /** Checks magic, dtype, order and rank (1 or 2). */
    private static Header checkHeader(Path file) {
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            byte[] magic = new byte[MAGIC.length + 2];
            data.readFully(magic);
            for (int i = 0; i < MAGIC.length; i++) {
                if (magic[i] != MAGIC[i]) {
                    throw notNpy(file, "it does not start with the .npy magic bytes");
                }
            }
            int major = magic[MAGIC.length];
            int length = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(data.readShort()))
                    : Integer.reverseBytes(data.readInt());
            if (length < 0 || length > 1 << 20) {
                throw notNpy(file, "its header length " + length + " is implausible");
            }
            byte[] header = new byte[length];
            data.readFully(header);
            String h = new String(header, StandardCharsets.ISO_8859_1);
            String descr = group(DESCR, h, file, "descr");
            if (!descr.equals("<f4") && !descr.equals("<f8")) {
                throw new VivariumException(file + " holds dtype " + descr + ", not float32 or float64",
                        "save it with numpy.save(path, array.astype(numpy.float32))");
            }
            if (group(FORTRAN, h, file, "fortran_order").equals("True")) {
                throw new VivariumException(file + " is in Fortran order",
                        "save it with numpy.save(path, numpy.ascontiguousarray(array))");
            }
            String shape = group(SHAPE, h, file, "shape").trim();
            int rank = shape.isEmpty() ? 0 : shape.replaceAll(",\\s*$", "").split(",").length;
            if (rank != 1 && rank != 2) {
                throw new VivariumException(file + " holds a " + rank + "-d array (shape (" + shape + "))",
                        "save a 1-d or 2-d array (reshape it to rows x columns first)");
            }
            return new Header(rank, shape);
        } catch (NoSuchFileException e) {
            throw new VivariumException("no such file: " + file, "check the path");
        } catch (IOException e) {
            throw notNpy(file, "it ends inside the header (" + e.getMessage() + ")");
        }
    }

    private static String group(Pattern p, String header, Path file, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw notNpy(file, "its header has no '" + key + "'");
        }
        return m.group(1);
    }

    private static VivariumException notNpy(Path file, String why) {
        return new VivariumException(file + " is not a .npy file: " + why, "write it with numpy.save");
    }
}
