package org.vivarium.runtime.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDResource;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.adapter.Adapter;
import org.vivarium.checkpoint.adapter.AdapterConfig;
import org.vivarium.checkpoint.adapter.LoraTargets;
import org.vivarium.runtime.model.Gaussian;
import org.vivarium.runtime.model.WeightDeltas;
import org.vivarium.runtime.nd.Tensors;

/**
 * LoRA parameters as NDArrays owned by one manager: for every target {@code T}, {@code T.lora_A [in, r]} and
 * {@code T.lora_B [r, out]}, applied by the forward pass as {@code W + (alpha / r) A B}. Same native-memory
 * discipline as {@link org.vivarium.runtime.model.ParameterStore}: borrow into each pass's scope.
 *
 * <pre>{@code
 * try (LoraAdapters lora = LoraAdapters.initialise(modelCfg, LoraConfig.of(1, 1f, "blocks.0.mlp.W_out"), seed, mgr)) {
 *     Trainer.lora(modelCfg, trainCfg, base, lora).run(1, steps, data, listener, null);
 *     AdapterIO.write(dir, lora.toAdapter(CheckpointIO.contentHash(baseDir)));
 * }
 * }</pre>
 */
public final class LoraAdapters implements WeightDeltas {
    private final NDManager manager;
    private final LoraConfig config;
    private final Map<String, NDArray> params;
    /** {@code alpha / rank} as an engine-owned scalar: autograd keeps it for the backward pass (see Tensors.scalar). */
    private final NDArray scale;

    private LoraAdapters(NDManager manager, LoraConfig config, Map<String, NDArray> params) {
        this.manager = manager;
        this.config = config;
        this.params = params;
        this.scale = Tensors.scalar(manager, config.scale());
    }

    /**
     * Creates fresh adapters: {@code A ~ N(0, 1/in)} from a seeded Java RNG (bit-identical everywhere) and
     * {@code B = 0}, so the adapted model starts exactly equal to the base.
     *
     * @param cfg the base architecture
     * @param lora rank, alpha and targets (patterns are resolved against {@code cfg})
     * @param seed random seed for {@code A}
     * @param parent the manager to create a child manager under
     * @return the adapters
     * @throws VivariumException if a target matches no adaptable weight
     */
    public static LoraAdapters initialise(ModelConfig cfg, LoraConfig lora, long seed, NDManager parent) {
        List<String> targets = lora.resolve(cfg);
        SplittableRandom rnd = new SplittableRandom(seed);
        int r = lora.rank();
        NDManager m = parent.newSubManager();
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (String t : targets) {
            int[] io = LoraTargets.matrixShape(cfg, t);
            float[] a = new float[io[0] * r];
            double std = 1 / Math.sqrt(io[0]);
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (Gaussian.next(rnd) * std);
            }
            out.put(Adapter.aName(t), create(m, a, io[0], r));
            out.put(Adapter.bName(t), create(m, new float[r * io[1]], r, io[1]));
        }
        return new LoraAdapters(m, new LoraConfig(r, lora.alpha(), targets), out);
    }

    /**
     * Loads adapters saved with {@link #toAdapter}, checking they fit the model.
     *
     * @param cfg the base architecture
     * @param adapter the adapter (e.g. from {@code AdapterIO.read})
     * @param parent the manager to create a child manager under
     * @return the adapters
     * @throws VivariumException if the adapter does not fit {@code cfg}
     */
    public static LoraAdapters fromAdapter(ModelConfig cfg, Adapter adapter, NDManager parent) {
        adapter.requireFits(cfg);
        AdapterConfig c = adapter.config();
        NDManager m = parent.newSubManager();
        Map<String, NDArray> out = new LinkedHashMap<>();
        adapter.tensors().forEach((name, t) -> out.put(name, create(m, t.data(), t.shape())));
        return new LoraAdapters(m, new LoraConfig(c.rank(), c.alpha(), c.targets()), out);
    }

    private static NDArray create(NDManager m, float[] data, int... shape) {
        NDArray a = m.create(data, new Shape(Arrays.stream(shape).asLongStream().toArray()));
        a.setName("lora");
        return a;
    }

    /** @return the settings, with targets resolved to weight names */
    public LoraConfig config() {
        return config;
    }

    /** @return the adapted weight names, in state-dict order */
    public List<String> targets() {
        return config.targets();
    }

    /** @return {@code alpha / rank} */
    public float scale() {
        return config.scale();
    }

    /**
     * Returns a target's down-projection.
     *
     * @param target an adapted weight name
     * @return {@code A [in, r]} (shared, not a copy)
     */
    public NDArray a(String target) {
        return get(Adapter.aName(target));
    }

    /**
     * Returns a target's up-projection.
     *
     * @param target an adapted weight name
     * @return {@code B [r, out]} (shared, not a copy)
     */
    public NDArray b(String target) {
        return get(Adapter.bName(target));
    }

    private NDArray get(String name) {
        NDArray x = params.get(name);
        if (x == null) {
            throw new VivariumException("no LoRA parameter \"" + name + "\"", "valid parameters: " + params.keySet());
        }
        return x;
    }

    /** @return every LoRA parameter by name ({@code T.lora_A}, {@code T.lora_B}), read-only view */
    public Map<String, NDArray> all() {
        return Collections.unmodifiableMap(params);
    }

    /**
     * Overwrites one parameter (e.g. to set an adapter by hand).
     *
     * @param name {@code T.lora_A} or {@code T.lora_B}
     * @param value the new value, of the parameter's shape
     * @throws VivariumException if there is no such parameter or the shape differs
     */
    public void set(String name, Tensor value) {
        NDArray x = get(name);
        long[] want = x.getShape().getShape();
        long[] got = Arrays.stream(value.shape()).asLongStream().toArray();
        if (!Arrays.equals(want, got)) {
            throw new VivariumException("LoRA parameter " + name + " has shape " + Arrays.toString(want)
                    + ", cannot set a value of shape " + Arrays.toString(got), "pass a tensor of the same shape");
        }
        x.set(value.data());
    }

    /**
     * Checks that the adapters were made for this architecture.
     *
     * @param cfg the base architecture
     * @throws VivariumException naming a target that does not fit
     */
    public void requireFits(ModelConfig cfg) {
        toAdapter("").requireFits(cfg);
    }

    @Override
    public NDArray delta(String weightName) {
        NDArray a = params.get(Adapter.aName(weightName));
        if (a == null) {
            return null;
        }
        return a.matMul(params.get(Adapter.bName(weightName))).mul(scale);
    }

    @Override
    public void borrowInto(NDManager scope) {
        scope.tempAttachAll(params.values().toArray(new NDResource[0]));
    }

    /**
     * Turns gradient tracking on or off for every LoRA parameter.
     *
     * @param on whether to track
     */
    public void requireGradients(boolean on) {
        for (NDArray x : params.values()) {
            x.setRequiresGradient(on);
        }
    }

    /**
     * Copies the parameters out to Java.
     *
     * @return name to tensor
     */
    public Map<String, Tensor> toTensors() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, Tensors.toTensor(v)));
        return out;
    }

    /**
     * Copies the adapters out for saving ({@code AdapterIO.write}) or merging ({@code AdapterMerge}).
     *
     * @param baseModelHash content hash of the base checkpoint, or empty if unknown
     * @return the adapter
     */
    public Adapter toAdapter(String baseModelHash) {
        AdapterConfig c = new AdapterConfig(config.rank(), config.alpha(), config.targets(), baseModelHash);
        return new Adapter(c, toTensors());
    }

    /** @return the manager owning the parameters */
    public NDManager manager() {
        return manager;
    }

    /** @return the number of native arrays owned (for leak checks) */
    public int managedArrayCount() {
        return manager.getManagedArrays().size();
    }

    @Override
    public void close() {
        manager.close();
    }
}
