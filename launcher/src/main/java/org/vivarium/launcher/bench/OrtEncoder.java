package org.vivarium.launcher.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.runtime.encoder.EncoderBatch;

/**
 * The reference side of {@code viv bench forward --model minilm}: ONNX Runtime's own session over the original ONNX
 * file, with its intra-op and inter-op thread pools set to a given size. Like the DJL encoder's
 * {@code run(...).logits()}, {@link #run} copies the last hidden state into a Java array, so both engines are timed
 * from token ids to a Java {@code float[]}.
 *
 * <p>ONNX Runtime lives on the launcher's classpath only, for this benchmark: its jar has no OSGi headers, so the
 * host's system bundle never exports {@code ai.onnxruntime} to plugins.
 */
final class OrtEncoder implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int threads;

    /**
     * Opens a session.
     *
     * @param onnx the model file's bytes
     * @param threads intra-op and inter-op threads
     * @throws VivariumException if ONNX Runtime cannot load its native library or the model
     */
    OrtEncoder(byte[] onnx, int threads) {
        this.threads = threads;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(threads);
            so.setInterOpNumThreads(threads);
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            env = OrtEnvironment.getEnvironment();
            session = env.createSession(onnx, so);
        } catch (OrtException | UnsatisfiedLinkError e) {
            throw new VivariumException("ONNX Runtime cannot open the MiniLM model: " + e.getMessage(),
                    "check that the onnxruntime jar in the launcher's lib/ is intact (it unpacks its native library"
                    + " into java.io.tmpdir, which must be writable)", e);
        }
    }

    /** @return how ONNX Runtime was set up, for the benchmark's header */
    String describe() {
        return "ONNX Runtime " + env.getVersion() + " intra-op " + threads + ", inter-op " + threads
                + " (sequential execution), graph optimisation ALL";
    }

    /**
     * Runs one padded batch.
     *
     * @param b ids, token types and attention mask
     * @return the last hidden state, flattened {@code [batch, pos, d_model]}
     */
    float[] run(EncoderBatch b) {
        Map<String, OnnxTensor> in = new HashMap<>();
        try {
            in.put("input_ids", OnnxTensor.createTensor(env, longs(b.tokens())));
            in.put("attention_mask", OnnxTensor.createTensor(env, longs(b.attentionMask())));
            in.put("token_type_ids", OnnxTensor.createTensor(env, longs(b.tokenTypes())));
            try (OrtSession.Result r = session.run(in)) {
                FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
                float[] flat = new float[out.remaining()];
                out.get(flat);
                return flat;
            }
        } catch (OrtException e) {
            throw new VivariumException("ONNX Runtime failed on a batch of " + b.size() + " x " + b.length()
                    + ": " + e.getMessage(), "report this with the command line", e);
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    private static long[][] longs(int[][] a) {
        long[][] out = new long[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = java.util.Arrays.stream(a[i]).asLongStream().toArray();
        }
        return out;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // the session's native memory is released with the process
        }
    }
}
