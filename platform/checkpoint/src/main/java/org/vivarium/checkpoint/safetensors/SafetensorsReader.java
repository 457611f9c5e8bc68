package org.vivarium.checkpoint.safetensors;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.io.FloatChannels;

/**
 * Reads safetensors files written by Vivarium or by Python ({@code safetensors.torch.save_file}).
 *
 * <pre>{@code
 * SafetensorsFile f = SafetensorsReader.read(Path.of("runs/induction/model.safetensors"));
 * Tensor wq = f.tensors().get("blocks.0.attn.W_Q");   // F16 and BF16 are widened to float
 * }</pre>
 *
 * <p>The header is validated in full before any data is read (see {@link SafetensorsHeader}); data is
 * read through a {@link FileChannel} in 1 MiB chunks. Every problem is a one-line
 * {@link VivariumException} naming the file.
 */
public final class SafetensorsReader {

    private SafetensorsReader() {
    }

    /**
     * Reads every tensor and the metadata.
     *
     * @param file the safetensors file
     * @return its content
     * @throws VivariumException if the file is missing, unreadable or invalid
     */
    public static SafetensorsFile read(Path file) {
        try (FileChannel ch = open(file)) {
            SafetensorsHeader header = SafetensorsHeader.read(file, ch);
            ByteBuffer scratch = FloatChannels.newScratch();
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (TensorEntry e : header.entries().values()) {
                out.put(e.name(), readData(ch, header.dataStart(), e, scratch));
            }
            return new SafetensorsFile(out, header.metadata());
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    /**
     * Reads and validates only the header (cheap; no tensor data is touched).
     *
     * @param file the safetensors file
     * @return the header
     * @throws VivariumException if the file is missing, unreadable or invalid
     */
    public static SafetensorsHeader readHeader(Path file) {
        try (FileChannel ch = open(file)) {
            return SafetensorsHeader.read(file, ch);
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    /**
     * Reads one tensor by name.
     *
     * @param file the safetensors file
     * @param name the tensor name
     * @return the tensor as float
     * @throws VivariumException if the file is invalid or has no such tensor
     */
    public static Tensor readTensor(Path file, String name) {
        try (FileChannel ch = open(file)) {
            SafetensorsHeader header = SafetensorsHeader.read(file, ch);
            TensorEntry e = header.entries().get(name);
            if (e == null) {
                throw new VivariumException(file + " has no tensor \"" + name + "\"",
                        "use one of " + header.entries().keySet());
            }
            return readData(ch, header.dataStart(), e, FloatChannels.newScratch());
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    private static FileChannel open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new VivariumException("no safetensors file at " + file, "check the path");
        }
        if (!Files.isRegularFile(file)) {
            throw new VivariumException(file + " is not a regular file", "pass the path of a .safetensors file");
        }
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    private static Tensor readData(FileChannel ch, long dataStart, TensorEntry e, ByteBuffer scratch)
            throws IOException {
        float[] data = new float[(int) e.numel()];
        long pos = dataStart + e.begin();
        if (e.dtype() == DType.F32) {
            FloatChannels.readF32(ch, pos, data, scratch);
        } else {
            readHalf(ch, pos, data, scratch, e.dtype() == DType.BF16);
        }
        return Tensor.of(data, e.shape());
    }

    private static void readHalf(FileChannel ch, long position, float[] dst, ByteBuffer scratch, boolean bf16)
            throws IOException {
        int perChunk = scratch.capacity() / 2;
        long pos = position;
        for (int off = 0; off < dst.length; off += perChunk) {
            int n = Math.min(perChunk, dst.length - off);
            FloatChannels.readFully(ch, pos, scratch, n * 2);
            ShortBuffer halves = scratch.asShortBuffer();
            for (int i = 0; i < n; i++) {
                short h = halves.get(i);
                dst[off + i] = bf16 ? HalfPrecision.bf16ToFloat(h) : HalfPrecision.f16ToFloat(h);
            }
            pos += 2L * n;
        }
    }

    private static VivariumException readFailure(Path file, IOException e) {
        if (e instanceof EOFException) {
            return SafetensorsHeader.corrupt(file, "is truncated (" + e.getMessage() + ")");
        }
        return new VivariumException("cannot read " + file + " (" + e.getMessage() + ")",
                "check that the file exists and is readable", e);
    }
}
