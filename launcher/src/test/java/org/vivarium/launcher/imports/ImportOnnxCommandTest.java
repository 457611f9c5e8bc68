package org.vivarium.launcher.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.importer.MiniLmImporter;
import org.vivarium.launcher.support.CliRun;

/**
 * {@code viv import onnx FILE} on files it cannot import: each ends in exactly one {@code error:} line that names
 * what is unsupported or missing and what is supported, and writes nothing. The broken BERT files are the real
 * all-MiniLM-L6-v2 export with same-length byte edits (a renamed initializer, a swapped op type), so the rest of the
 * graph stays a genuine PyTorch export; the foreign graph is {@code mlp.onnx}, written by {@code make_mlp_onnx.py}
 * with Debian's python3-onnx.
 */
class ImportOnnxCommandTest {
    private static final String SUPPORTED = "supported: a Hugging Face BertModel exported from PyTorch in float32";
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    static byte[] minilm;
    static byte[] tokenizer;

    @TempDir
    Path dir;

    @BeforeAll
    static void readTheRealModel() throws Exception {
        minilm = resource(MiniLmImporter.ONNX_RESOURCE);
        tokenizer = resource(MiniLmImporter.TOKENIZER_RESOURCE);
    }

    @Test
    void aMissingFileIsNamedWithWhatIsSupported() {
        Path missing = dir.resolve("nope.onnx");
        String line = oneError(missing);
        assertEquals("error: no ONNX file " + missing + " — pass the path of an .onnx file; " + OnnxImport.SUPPORTED,
                line);
    }

    @Test
    void bytesThatAreNotOnnxAreNamedAsSuch() throws Exception {
        Path notOnnx = model("notes.onnx", tokenizer);
        String line = oneError(notOnnx);
        assertTrue(line.startsWith("error: " + notOnnx + " is not a valid ONNX model (")
                || line.startsWith("error: " + notOnnx + " is not an ONNX model ("), line);
        assertTrue(line.endsWith("— pass an .onnx model file exported with torch.onnx.export or optimum"), line);
    }

    @Test
    void aGraphThatIsNotBertIsNamedAsSuch() throws Exception {
        Path mlp = model("mlp.onnx", resource("org/vivarium/launcher/imports/mlp.onnx"));
        String line = oneError(mlp);
        assertTrue(line.startsWith("error: " + mlp + " has no initializer named embeddings.word_embeddings.weight, so it"
                + " is not a Hugging Face BERT export (its initializers include [fc1.weight, fc1.bias, fc2.weight,"
                + " fc2.bias]) — " + SUPPORTED), line);
    }

    @Test
    void unsupportedOpsInABertGraphAreNamed() throws Exception {
        Path hardmax = model("hardmax.onnx", replaceAll(minilm, opType("Softmax"), opType("Hardmax")));
        String line = oneError(hardmax);
        assertTrue(line.startsWith("error: " + hardmax + " uses unsupported ops Hardmax (6 nodes) — " + SUPPORTED), line);
        assertTrue(line.contains("standard ONNX ops [Add, Cast, Concat"), line);
    }

    @Test
    void missingInitializersAreListed() throws Exception {
        byte[] name = "embeddings.token_type_embeddings.weight".getBytes(StandardCharsets.US_ASCII);
        byte[] renamed = "embeddings.token_type_embeddings.weighX".getBytes(StandardCharsets.US_ASCII);
        Path lacking = model("lacking.onnx", replaceAll(minilm, name, renamed));
        String line = oneError(lacking);
        assertEquals("error: " + lacking + " lacks 1 BERT initializer: embeddings.token_type_embeddings.weight — ",
                line.substring(0, line.indexOf(" — ") + 3));
        assertTrue(line.contains(SUPPORTED), line);
    }

    @Test
    void aModelWithoutItsTokenizerSaysHowToPassIt() throws Exception {
        Path onnx = dir.resolve("alone").resolve("onnx").resolve("model.onnx");
        Files.createDirectories(onnx.getParent());
        Files.write(onnx, minilm);
        String line = oneError(onnx);
        assertTrue(line.startsWith("error: no tokenizer.json beside " + onnx + " or in its parent directory — pass"
                + " --tokenizer FILE"), line);
    }

    /** Runs {@code viv import onnx FILE --out DIR} and returns its one error line, checking nothing was written. */
    private String oneError(Path onnx) {
        Path out = dir.resolve("out");
        CliRun run = CliRun.slow(TIMEOUT, "import", "onnx", onnx.toString(), "--out", out.toString());
        assertEquals(1, run.code(), run.out() + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(Files.notExists(out), "nothing is written");
        return run.errLines().get(0);
    }

    /** Writes a model file with the real MiniLM tokenizer.json beside it. */
    private Path model(String name, byte[] bytes) throws Exception {
        Files.write(dir.resolve("tokenizer.json"), tokenizer);
        return Files.write(dir.resolve(name), bytes);
    }

    /** The protobuf bytes of a NodeProto's op_type field (number 4, length-delimited) holding {@code op}. */
    private static byte[] opType(String op) {
        byte[] s = op.getBytes(StandardCharsets.US_ASCII);
        byte[] field = new byte[s.length + 2];
        field[0] = (byte) (4 << 3 | 2);
        field[1] = (byte) s.length;
        System.arraycopy(s, 0, field, 2, s.length);
        return field;
    }

    /** Replaces every occurrence of {@code from} by {@code to}, which has the same length, so no length prefix moves. */
    private static byte[] replaceAll(byte[] data, byte[] from, byte[] to) {
        assertEquals(from.length, to.length);
        byte[] out = data.clone();
        int hits = 0;
        for (int i = 0; i + from.length <= out.length; i++) {
            if (out[i] == from[0] && java.util.Arrays.equals(out, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, out, i, to.length);
                hits++;
            }
        }
        assertTrue(hits > 0, "the model holds " + new String(from, StandardCharsets.ISO_8859_1));
        return out;
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = ImportOnnxCommandTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " on the test classpath");
            return in.readAllBytes();
        }
    }
}
