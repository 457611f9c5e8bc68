package org.vivarium.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.nd.Tensors;

/**
 * AdamW (Loshchilov and Hutter): Adam moments with bias correction, and weight decay applied
 * directly to the weights ({@code w -= lr * wd * w}), decoupled from the gradient. Decay is applied to the
 * parameters the {@link TrainableSet} marks: matrices ({@code W_*} and LoRA {@code A}, {@code B}), never biases
 * or LayerNorm parameters.
 */
public final class AdamW {
    private final TrainerConfig cfg;
    private final NDManager manager;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private int t;

    /**
     * Creates zeroed optimizer state for the given parameters.
     *
     * @param cfg settings
     * @param params the parameters
     */
    public AdamW(TrainerConfig cfg, ParameterStore params) {
        this(cfg, TrainableSet.allOf(params));
    }

    /**
     * Creates zeroed optimizer state for a chosen set of parameters (e.g. only LoRA adapters).
     *
     * @param cfg settings
     * @param params the parameters to optimise
     */
    public AdamW(TrainerConfig cfg, TrainableSet params) {
        this.cfg = cfg;
        this.manager = params.manager().newSubManager();
        for (Map.Entry<String, NDArray> e : params.all().entrySet()) {
            m.put(e.getKey(), manager.zeros(e.getValue().getShape()));
            v.put(e.getKey(), manager.zeros(e.getValue().getShape()));
        }
    }

    /**
     * Performs one update using each parameter's gradient, scaled by {@code gradScale} (for clipping).
     * Call after the gradient collector has closed.
     *
     * @param params the parameters (updated in place)
     * @param lr the learning rate for this step
     * @param gradScale multiplier for every gradient
     */
    public void step(ParameterStore params, float lr, float gradScale) {
        step(TrainableSet.allOf(params), lr, gradScale);
    }

    /**
     * Performs one update of the set this optimizer was created for; see {@link #step(ParameterStore, float,
     * float)}.
     *
     * @param params the parameters (updated in place)
     * @param lr the learning rate for this step
     * @param gradScale multiplier for every gradient
     */
    public void step(TrainableSet params, float lr, float gradScale) {
        t++;
        float b1 = cfg.beta1();
        float b2 = cfg.beta2();
        // bias correction folded into the step size: lr * sqrt(1 - b2^t) / (1 - b1^t)
        float corrected = (float) (lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t)));
        for (Map.Entry<String, NDArray> e : params.all().entrySet()) {
            String name = e.getKey();
            NDArray w = e.getValue();
            NDArray mm = m.get(name);
            NDArray vv = v.get(name);
            try (NDManager s = manager.newSubManager()) {
                s.tempAttachAll(w, mm, vv);
                NDArray g = w.getGradient();
                s.attachAll(g);
                float wd = params.decays(name) ? cfg.weightDecay() : 0f;
                // one fused engine kernel per tensor: moments, decoupled decay (adamw=true), update, and the
                // gradient is zeroed for the next step
                w.getNDArrayInternal().adamUpdate(new NDList(w, g, mm, vv), new NDList(w), lr, corrected, wd,
                        gradScale, -1f, b1, b2, cfg.eps(), true, true);
            }
        }
    }

    /** @return the number of steps taken */
    public int stepCount() {
        return t;
    }

    /**
     * Exports the moments for a resumable checkpoint ({@code m.NAME}, {@code v.NAME}).
     *
     * @return tensors by name
     */
    public Map<String, Tensor> state() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        m.forEach((k, a) -> out.put("m." + k, Tensors.toTensor(a)));
        v.forEach((k, a) -> out.put("v." + k, Tensors.toTensor(a)));
        return out;
    }

    /**
     * Restores moments saved by {@link #state()}.
     *
     * @param state tensors by name
     * @param steps steps already taken (for bias correction)
     */
    public void restore(Map<String, Tensor> state, int steps) {
        for (String k : m.keySet()) {
            Tensor mt = state.get("m." + k);
            Tensor vt = state.get("v." + k);
            if (mt == null || vt == null) {
                throw new org.vivarium.api.VivariumException("optimizer state lacks moments for " + k,
                        "resume from a checkpoint written by 'viv organism train', or train from scratch");
            }
            m.get(k).set(mt.data());
            v.get(k).set(vt.data());
        }
        this.t = steps;
    }
}
