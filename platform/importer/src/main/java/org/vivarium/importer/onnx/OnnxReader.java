package org.vivarium.importer.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.importer.onnx.ProtoReader.FloatList;
import org.vivarium.importer.onnx.ProtoReader.LongList;

/**
 * Parses an ONNX model file ({@code ModelProto}, field numbers from {@code onnx.proto3}) into an {@link OnnxModel}.
 *
 * <pre>{@code
 * OnnxModel m = OnnxReader.read(Path.of("model.onnx"));
 * float[] w = m.initializers().get("embeddings.word_embeddings.weight").floats();
 * }</pre>
 */
public final class OnnxReader {
    private static final String FIX = "pass an .onnx model file exported with torch.onnx.export or optimum";

    private OnnxReader() {
    }

    /**
     * Maps and parses a file.
     *
     * @param file the .onnx file
     * @return the model; its tensors are views of the mapped file
     * @throws VivariumException if the file is missing, unreadable or not an ONNX model
     */
    public static OnnxModel read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new VivariumException("no ONNX file " + file, FIX);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new VivariumException(file + " is " + ch.size() + " bytes; models over 2 GB are not supported",
                        "export the weights of large models as external data and import them another way");
            }
            return parse(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()), file.toString());
        } catch (IOException e) {
            throw new VivariumException("cannot read " + file + " (" + e.getMessage() + ")", FIX, e);
        }
    }

    /**
     * Parses model bytes.
     *
     * @param bytes the file content
     * @param source where it came from, for messages
     * @return the model; its tensors are views of {@code bytes}
     * @throws VivariumException if the bytes are not an ONNX model
     */
    public static OnnxModel parse(ByteBuffer bytes, String source) {
        OnnxModel m;
        try {
            m = model(new ProtoReader(bytes));
        } catch (ProtoReader.MalformedProtoException e) {
            throw new VivariumException(source + " is not a valid ONNX model (" + e.getMessage() + ")", FIX, e);
        }
        if (m.irVersion() <= 0 || m.nodes().isEmpty()) {
            throw new VivariumException(source + " is not an ONNX model (no IR version or no graph nodes)", FIX);
        }
        return m;
    }

    private static OnnxModel model(ProtoReader r) {
        long ir = 0;
        String producer = "";
        String producerVersion = "";
        Map<String, Long> opsets = new LinkedHashMap<>();
        Graph g = new Graph();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> ir = r.varint();
                case 2 -> producer = r.string();
                case 3 -> producerVersion = r.string();
                case 7 -> graph(r.message(), g);
                case 8 -> opset(r.message(), opsets);
                default -> r.skip();
            }
        }
        List<String> inputs = new ArrayList<>(g.inputs);
        inputs.removeAll(g.initializers.keySet());
        return new OnnxModel(ir, (producer + " " + producerVersion).trim(), opsets, g.nodes, g.initializers, inputs,
                g.outputs);
    }

    private static void opset(ProtoReader r, Map<String, Long> out) {
        String domain = "";
        long version = 0;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> domain = r.string();
                case 2 -> version = r.varint();
                default -> r.skip();
            }
        }
        out.put(domain, version);
    }

    private static void graph(ProtoReader r, Graph g) {
        while (r.next()) {
            switch (r.field()) {
                case 1 -> g.nodes.add(node(r.message()));
                case 5 -> {
                    OnnxTensor t = tensor(r.message());
                    g.initializers.put(t.name(), t);
                }
                case 11 -> g.inputs.add(valueName(r.message()));
                case 12 -> g.outputs.add(valueName(r.message()));
                default -> r.skip();
            }
        }
    }

    private static String valueName(ProtoReader r) {
        String name = "";
        while (r.next()) {
            if (r.field() == 1) {
                name = r.string();
            } else {
                r.skip();
            }
        }
        return name;
    }

    private static OnnxNode node(ProtoReader r) {
        String name = "";
        String op = "";
        String domain = "";
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        Map<String, Long> ints = new LinkedHashMap<>();
        Map<String, Float> floats = new LinkedHashMap<>();
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> in.add(r.string());
                case 2 -> out.add(r.string());
                case 3 -> name = r.string();
                case 4 -> op = r.string();
                case 5 -> attribute(r.message(), ints, floats, tensors);
                case 7 -> domain = r.string();
                default -> r.skip();
            }
        }
        return new OnnxNode(name, op, domain, List.copyOf(in), List.copyOf(out), ints, floats, tensors);
    }

    /** Keeps single int, float and tensor attributes; lists, strings and graphs are not needed for BERT. */
    private static void attribute(ProtoReader r, Map<String, Long> ints, Map<String, Float> floats,
            Map<String, OnnxTensor> tensors) {
        String name = "";
        Long i = null;
        Float f = null;
        OnnxTensor t = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> name = r.string();
                case 2 -> f = r.fixed32Float();
                case 3 -> i = r.varint();
                case 5 -> t = tensor(r.message());
                default -> r.skip();
            }
        }
        if (i != null) {
            ints.put(name, i);
        }
        if (f != null) {
            floats.put(name, f);
        }
        if (t != null) {
            tensors.put(name, t);
        }
    }

    private static OnnxTensor tensor(ProtoReader r) {
        LongList dims = new LongList();
        FloatList floatData = new FloatList();
        LongList int64Data = new LongList();
        int type = 0;
        String name = "";
        ByteBuffer raw = null;
        boolean external = false;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> r.varints(dims);
                case 2 -> type = (int) r.varint();
                case 4 -> r.floats(floatData);
                case 7 -> r.varints(int64Data);
                case 8 -> name = r.string();
                case 9 -> raw = r.bytes();
                case 13 -> {
                    external = true;
                    r.skip();
                }
                case 14 -> external |= r.varint() == 1;
                default -> r.skip();
            }
        }
        return new OnnxTensor(name, dims.toArray(), type, raw, floatData.toArray(), int64Data.toArray(), external);
    }

    /** What the graph message accumulates while it is read. */
    private static final class Graph {
        final List<OnnxNode> nodes = new ArrayList<>();
        final Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
        final List<String> inputs = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
    }
}
