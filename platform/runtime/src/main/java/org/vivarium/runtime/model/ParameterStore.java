package org.vivarium.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.ModelSize;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.checkpoint.ParameterShapes;
import org.vivarium.runtime.nd.Tensors;

/**
 * The model's weights as NDArrays under TransformerLens state-dict names, owned by one manager.
 */
public final class ParameterStore implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> params;

    private ParameterStore(NDManager manager, Map<String, NDArray> params) {
        this.manager = manager;
        this.params = params;
    }

    /**
     * Initialises fresh weights, TransformerLens style: matrices ~ N(0, (0.8 / sqrt(d_model))^2),
     * biases 0, LayerNorm gains 1. Uses Java's {@link SplittableRandom} so the same seed gives
     * bit-identical weights on every machine.
     *
     * @param cfg architecture
     * @param seed random seed
     * @param parent the manager to create a child manager under
     * @return the store
     */
    public static ParameterStore initialise(ModelConfig cfg, long seed, NDManager parent) {
        ModelSize.requireFits(cfg, ModelSize.heapLimit(), "the model config");
        NDManager m = parent.newSubManager();
        Map<String, NDArray> out = new LinkedHashMap<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        double std = 0.8 / Math.sqrt(cfg.dModel());
        for (Map.Entry<String, int[]> e : ParameterShapes.forConfig(cfg).entrySet()) {
            String name = e.getKey();
            int[] shape = e.getValue();
            int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            float[] data = new float[n];
            String leaf = name.substring(name.lastIndexOf('.') + 1);
            if (leaf.equals("w")) {
                Arrays.fill(data, 1f);
            } else if (leaf.startsWith("W_")) {
                for (int i = 0; i < n; i++) {
                    data[i] = (float) (Gaussian.next(rnd) * std);
                }
            }
            out.put(name, create(m, data, shape));
        }
        return new ParameterStore(m, out);
    }

    /**
     * Wraps loaded weights; shapes must already have been validated against the config.
     *
     * @param weights name to tensor
     * @param parent the manager to create a child manager under
     * @return the store
     */
    public static ParameterStore fromTensors(Map<String, Tensor> weights, NDManager parent) {
        NDManager m = parent.newSubManager();
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : weights.entrySet()) {
            out.put(e.getKey(), create(m, e.getValue().data(), e.getValue().shape()));
        }
        return new ParameterStore(m, out);
    }

    private static NDArray create(NDManager m, float[] data, int[] shape) {
        long[] s = Arrays.stream(shape).asLongStream().toArray();
        NDArray a = m.create(data, new Shape(s));
        a.setName("param");
        return a;
    }

    /**
     * Returns one parameter.
     *
     * @param name state-dict name
     * @return the array (shared, not a copy)
     */
    public NDArray get(String name) {
        NDArray a = params.get(name);
        if (a == null) {
            throw new VivariumException("model has no parameter \"" + name + "\"",
                    "valid parameters: " + params.keySet());
        }
        return a;
    }

    /**
     * Returns whether a parameter exists.
     *
     * @param name state-dict name
     * @return true if present
     */
    public boolean has(String name) {
        return params.containsKey(name);
    }

    /** @return all parameters in state-dict order (read-only view) */
    public Map<String, NDArray> all() {
        return Collections.unmodifiableMap(params);
    }

    /** @return the manager owning the parameters */
    public NDManager manager() {
        return manager;
    }

    /**
     * Attaches every parameter temporarily to {@code scope}, so results of operations on parameters are
     * owned by {@code scope} and freed when it closes; the parameters return to this store then.
     * Call once at the start of every forward pass or optimizer step.
     *
     * @param scope a short-lived manager
     */
    public void borrowInto(NDManager scope) {
        scope.tempAttachAll(params.values().toArray(new ai.djl.ndarray.NDResource[0]));
    }

    /** @return the number of native arrays owned by this store (for leak checks) */
    public int managedArrayCount() {
        return manager.getManagedArrays().size();
    }

    /**
     * Turns gradient tracking on or off for every parameter.
     *
     * @param on whether to track
     */
    public void requireGradients(boolean on) {
        for (NDArray a : params.values()) {
            a.setRequiresGradient(on);
        }
    }

    /**
     * Copies the weights out to Java.
     *
     * @return name to tensor, in state-dict order
     */
    public Map<String, Tensor> toTensors() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            out.put(e.getKey(), Tensors.toTensor(e.getValue()));
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }

    /**
     * Returns the element type every parameter uses.
     *
     * @return float32
     */
    public static DataType dtype() {
        return DataType.FLOAT32;
    }
}
