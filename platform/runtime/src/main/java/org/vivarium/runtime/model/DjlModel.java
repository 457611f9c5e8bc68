package org.vivarium.runtime.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.BatchedDecoding;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.api.model.GradientResult;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.LogitGradient;
import org.vivarium.api.model.Model;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.RunResult;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.runtime.hook.HookDispatcher;
import org.vivarium.runtime.nd.Tensors;

/**
 * {@link Model} backed by DJL NDArrays. Every call runs in its own child manager, so intermediates and
 * hooks never outlive the call.
 */
public final class DjlModel implements Model {
    private final ModelConfig cfg;
    private final ParameterStore params;
    private final Tokenizer tokenizer;
    private final Provenance provenance;
    private final WeightDeltas deltas;
    private final TransformerForward forward;
    private boolean closed;

    /**
     * Wraps weights into a runnable model. The model takes ownership of {@code params}.
     *
     * @param cfg architecture
     * @param params weights
     * @param tokenizer tokenizer
     * @param provenance where the weights came from
     */
    public DjlModel(ModelConfig cfg, ParameterStore params, Tokenizer tokenizer, Provenance provenance) {
        this(cfg, params, null, tokenizer, provenance);
    }

    /**
     * Wraps weights plus live weight changes (e.g. LoRA adapters) into a runnable model: every forward pass
     * uses {@code W + delta}. The model takes ownership of {@code params} and {@code deltas}.
     *
     * @param cfg architecture
     * @param params base weights
     * @param deltas changes applied on the fly, or {@code null} for none
     * @param tokenizer tokenizer
     * @param provenance where the weights came from
     */
    public DjlModel(ModelConfig cfg, ParameterStore params, WeightDeltas deltas, Tokenizer tokenizer,
            Provenance provenance) {
        this.cfg = cfg;
        this.params = params;
        this.deltas = deltas;
        this.tokenizer = tokenizer;
        this.provenance = provenance;
        this.forward = new TransformerForward(cfg, params, deltas);
    }

    @Override
    public ModelConfig config() {
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

    /** @return the weights as NDArrays (for training and analysis inside the runtime); base weights if adapted */
    public ParameterStore parameters() {
        return params;
    }

    /** @return the live weight changes (e.g. LoRA adapters), or {@code null} if the model has none */
    public WeightDeltas deltas() {
        return deltas;
    }

    private void borrow(NDManager m) {
        params.borrowInto(m);
        if (deltas != null) {
            deltas.borrowInto(m);
        }
    }

    @Override
    public RunResult run(int[][] tokens, List<Hook> hooks, HookFilter cache) {
        checkOpen();
        try (NDManager m = params.manager().newSubManager()) {
            borrow(m);
            NDArray toks = Tensors.tokens(m, tokens, cfg.dVocab(), cfg.nCtx());
            HookDispatcher d = new HookDispatcher(m, cfg, hooks, cache, false);
            NDArray logits = forward.logits(m, toks, d);
            Activations acts = d.activations();
            return new RunResult(Tensors.toTensor(logits), acts);
        }
    }

    /**
     * One forward pass inside DJL's gradient collector with a zero "tap" added at each selected hook point
     * ({@link HookDispatcher#tapGradients}), then one backward pass of {@code sum(logits * d metric / d logits)}:
     * each tap's gradient is the metric's gradient with respect to that activation.
     */
    @Override
    public GradientResult runWithGradients(int[][] tokens, List<Hook> hooks, HookFilter at, LogitGradient metric) {
        checkOpen();
        try (NDManager m = params.manager().newSubManager()) {
            borrow(m);
            NDArray toks = Tensors.tokens(m, tokens, cfg.dVocab(), cfg.nCtx());
            HookDispatcher d = new HookDispatcher(m, cfg, hooks, at, false).tapGradients(at);
            Tensor logits;
            try (ai.djl.training.GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = forward.logits(m, toks, d);
                logits = Tensors.toTensor(out);
                Tensor seed = metric.of(logits);
                if (seed == null || !Arrays.equals(seed.shape(), logits.shape())) {
                    throw new VivariumException("the metric's gradient has shape "
                            + (seed == null ? "null" : Arrays.toString(seed.shape())) + " but the logits have "
                            + Arrays.toString(logits.shape()), "return d metric / d logits with the logits' shape");
                }
                gc.backward(out.mul(Tensors.toNd(m, seed)).sum());
            }
            Map<String, Tensor> grads = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : d.gradientTaps().entrySet()) {
                grads.put(e.getKey(), Tensors.toTensor(e.getValue().getGradient()));
            }
            return new GradientResult(logits, d.activations(), new Activations(grads));
        }
    }

    @Override
    public float[] loss(int[][] tokens, List<Hook> hooks) {
        checkOpen();
        try (NDManager m = params.manager().newSubManager()) {
            borrow(m);
            NDArray toks = Tensors.tokens(m, tokens, cfg.dVocab(), cfg.nCtx());
            HookDispatcher d = new HookDispatcher(m, cfg, hooks, HookFilter.NONE, false);
            NDArray logits = forward.logits(m, toks, d);
            return NextTokenLoss.perToken(logits, toks).mean(new int[] {1}).toFloatArray();
        }
    }

    @Override
    public int[] generate(int[] prompt, GenerationOptions options, List<Hook> hooks) {
        checkOpen();
        if (prompt.length == 0) {
            throw new VivariumException("empty prompt", "give at least one token to continue");
        }
        SplittableRandom rnd = new SplittableRandom(options.seed());
        int[] seq = Arrays.copyOf(prompt, prompt.length + options.maxNewTokens());
        int len = prompt.length;
        for (int step = 0; step < options.maxNewTokens(); step++) {
            int start = Math.max(0, len - cfg.nCtx());
            int[] window = Arrays.copyOfRange(seq, start, len);
            float[] last;
            try (NDManager m = params.manager().newSubManager()) {
                borrow(m);
                NDArray toks = Tensors.tokens(m, new int[][] {window}, cfg.dVocab(), cfg.nCtx());
                HookDispatcher d = new HookDispatcher(m, cfg, hooks, HookFilter.NONE, false);
                NDArray logits = forward.logits(m, toks, d);
                last = logits.get(new NDIndex("0, -1, :")).toFloatArray();
            }
            seq[len++] = BatchedDecoding.pick(last, options, rnd);
        }
        return seq;
    }

    /**
     * Returns the weights the model computes with: with live weight changes, every changed matrix is returned
     * merged ({@code W + delta}); {@link #parameters()} keeps the base weights.
     *
     * @return name to tensor, in state-dict order
     */
    @Override
    public Map<String, Tensor> weights() {
        checkOpen();
        if (deltas == null) {
            return params.toTensors();
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (NDManager m = params.manager().newSubManager()) {
            borrow(m);
            for (String name : params.all().keySet()) {
                out.put(name, Tensors.toTensor(forward.effectiveParameter(name)));
            }
        }
        return out;
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
            if (deltas != null) {
                deltas.close();
            }
        }
    }
}
