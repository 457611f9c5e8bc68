package org.vivarium.runtime.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.encoder.EncoderCheckpoint;
import org.vivarium.checkpoint.encoder.EncoderConfig;
import org.vivarium.checkpoint.tokenizer.WordPieceTokenizer;
import org.vivarium.runtime.hook.HookDispatcher;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.nd.Tensors;

/**
 * A BERT-style encoder as a {@link Model}: every intermediate is reachable through
 * {@link EncoderHookNames TransformerLens HookedEncoder hook names}. An encoder has no language-model head, so
 * {@link RunResult#logits()} holds the <b>last hidden state</b> {@code [batch, pos, d_model]}, and {@link #loss} and
 * {@link #generate} fail with a {@link VivariumException}.
 *
 * <pre>{@code
 * try (DjlEncoder enc = (DjlEncoder) runtime.load(Path.of("runs/minilm"))) {
 *     float[][] e = enc.embed(List.of("A cat sat.", "A dog ran."));           // sentence embeddings
 *     WordPieceTokenizer tok = (WordPieceTokenizer) enc.tokenizer();
 *     EncoderBatch b = EncoderBatch.padded(List.of(tok.encode("Hello there")), tok.padId());
 *     RunResult r = enc.run(b, List.of(), HookFilter.glob("blocks.*.attn.hook_pattern"));
 * }
 * }</pre>
 *
 * <p>Every call runs in its own child manager; use one encoder from one thread at a time.
 */
public final class DjlEncoder implements Model {
    private static final int EMBED_BATCH = 32;

    private final EncoderConfig cfg;
    private final ParameterStore params;
    private final Tokenizer tokenizer;
    private final Provenance provenance;
    private final EncoderForward forward;
    private final List<HookName> hookNames;
    private boolean closed;

    /**
     * Wraps weights into a runnable encoder; takes ownership of {@code params}.
     *
     * @param cfg architecture
     * @param params weights with {@link org.vivarium.checkpoint.encoder.EncoderShapes} names
     * @param tokenizer tokenizer
     * @param provenance where the weights came from
     */
    public DjlEncoder(EncoderConfig cfg, ParameterStore params, Tokenizer tokenizer, Provenance provenance) {
        this.cfg = cfg;
        this.params = params;
        this.tokenizer = tokenizer;
        this.provenance = provenance;
        this.forward = new EncoderForward(cfg, params);
        this.hookNames = EncoderHookNames.all(cfg.base().nLayers());
    }

    /**
     * Builds an encoder from a checkpoint read by
     * {@link org.vivarium.checkpoint.encoder.EncoderCheckpointIO#read}.
     *
     * @param ck the checkpoint
     * @param root the manager to own the weights (through a child manager)
     * @return the encoder
     */
    public static DjlEncoder fromCheckpoint(EncoderCheckpoint ck, NDManager root) {
        return new DjlEncoder(ck.config(), ParameterStore.fromTensors(ck.weights(), root), ck.tokenizer(),
                ck.provenance());
    }

    /** @return the shared sizes (post-LN, learned positions); see {@link #encoderConfig()} for the rest */
    @Override
    public ModelConfig config() {
        return cfg.base();
    }

    /** @return the full encoder architecture */
    public EncoderConfig encoderConfig() {
        return cfg;
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    /** @return the weights as NDArrays, for analysis inside the runtime */
    public ParameterStore parameters() {
        return params;
    }

    /** @return every hook point, including {@code hook_token_type_embed}, in forward order */
    @Override
    public List<HookName> hookNames() {
        return hookNames;
    }

    /**
     * Runs equal-length sequences with no padding and token type 0.
     *
     * @param tokens {@code [batch][pos]} ids
     * @param hooks hooks to apply
     * @param cache hook points to capture
     * @return the last hidden state (in the logits slot) and the captured activations
     */
    @Override
    public RunResult run(int[][] tokens, List<Hook> hooks, HookFilter cache) {
        return run(EncoderBatch.unpadded(tokens), hooks, cache);
    }

    /**
     * Runs a padded batch.
     *
     * @param batch ids, token types and attention mask
     * @param hooks hooks to apply (positions index the padded sequence)
     * @param cache hook points to capture
     * @return the last hidden state {@code [batch, pos, d_model]} (in the logits slot) and the captured activations
     * @throws VivariumException for out-of-range ids or types, sequences longer than n_ctx, or unknown hook names
     */
    public RunResult run(EncoderBatch batch, List<Hook> hooks, HookFilter cache) {
        checkOpen();
        ModelConfig c = cfg.base();
        try (NDManager m = params.manager().newSubManager()) {
            params.borrowInto(m);
            NDArray toks = Tensors.tokens(m, batch.tokens(), c.dVocab(), c.nCtx());
            NDArray types = typeArray(m, batch.tokenTypes());
            NDArray keep = EncoderForward.maskArray(m, batch.attentionMask());
            HookDispatcher d = new HookDispatcher(m, hookNames, "for this " + c.nLayers() + "-layer encoder",
                    () -> EncoderHookNames.summarize(c.nLayers()), hooks, cache, false);
            NDArray hidden = forward.hidden(m, toks, types, keep, d);
            return new RunResult(Tensors.toTensor(hidden), d.activations());
        }
    }

    /**
     * Embeds sentences as sentence-transformers does: tokenize ({@code [CLS] … [SEP]}), run in padded batches,
     * mean-pool the real tokens and L2-normalise. Texts are cut to n_ctx pieces (512 for MiniLM); sentence-transformers
     * cuts all-MiniLM-L6-v2 inputs at 256, so only longer texts embed differently.
     *
     * @param texts the sentences
     * @return one unit vector of width d_model per sentence
     */
    public float[][] embed(List<String> texts) {
        int pad = tokenizer instanceof WordPieceTokenizer w ? w.padId() : 0;
        List<float[]> out = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += EMBED_BATCH) {
            List<int[]> seqs = new ArrayList<>();
            for (String s : texts.subList(from, Math.min(texts.size(), from + EMBED_BATCH))) {
                seqs.add(truncate(tokenizer.encode(s)));
            }
            EncoderBatch b = EncoderBatch.padded(seqs, pad);
            out.addAll(Arrays.asList(SentencePooling.meanNormalized(run(b, List.of(), HookFilter.NONE).logits(),
                    b.attentionMask())));
        }
        return out.toArray(new float[0][]);
    }

    private int[] truncate(int[] ids) {
        int n = cfg.base().nCtx();
        if (ids.length <= n) {
            return ids;
        }
        int[] cut = Arrays.copyOf(ids, n);
        cut[n - 1] = ids[ids.length - 1];
        return cut;
    }

    private NDArray typeArray(NDManager m, int[][] types) {
        int t = types[0].length;
        long[] flat = new long[types.length * t];
        for (int b = 0; b < types.length; b++) {
            for (int i = 0; i < t; i++) {
                int v = types[b][i];
                if (v < 0 || v >= cfg.nTokenTypes()) {
                    throw new VivariumException("token type " + v + " at [" + b + "][" + i + "] is outside the "
                            + cfg.nTokenTypes() + " token types of this encoder", "use 0 for single sentences");
                }
                flat[b * t + i] = v;
            }
        }
        return m.create(flat, new Shape(types.length, t));
    }

    /** Always fails: an encoder has no next-token head. */
    @Override
    public float[] loss(int[][] tokens, List<Hook> hooks) {
        throw noHead("next-token loss");
    }

    /** Always fails: an encoder has no next-token head. */
    @Override
    public int[] generate(int[] prompt, GenerationOptions options, List<Hook> hooks) {
        throw noHead("text generation");
    }

    private VivariumException noHead(String what) {
        return new VivariumException("this model is a BERT-style encoder with no language-model head, so it has no "
                + what, "use run / runWithCache for hidden states, or embed(...) for sentence embeddings");
    }

    /** @return a copy of every parameter, HookedEncoder names */
    @Override
    public Map<String, Tensor> weights() {
        checkOpen();
        return params.toTensors();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("model is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            params.close();
        }
    }
}
