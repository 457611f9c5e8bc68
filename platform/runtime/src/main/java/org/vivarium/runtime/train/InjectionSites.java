package org.vivarium.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.ModelConfig;

/**
 * Which hook points take training-time injections and how wide their vectors are, and how a batch's injections
 * become one dense {@code [batch, pos, width]} array per hook that the forward pass adds
 * ({@link org.vivarium.runtime.hook.HookDispatcher}).
 *
 * <p>Injections are additive: {@code x[row, pos] += vector}. Sites are the hooks whose activation is
 * {@code [batch, pos, width]}; the per-head attention hooks ({@code attn.hook_q|k|v|z|attn_scores|pattern}) are
 * refused.
 */
public final class InjectionSites {
    private InjectionSites() {
    }

    /**
     * Returns the vector width a hook takes, checking that it exists in this model and takes injections.
     *
     * @param cfg the model
     * @param hook the hook path
     * @return {@code d_mlp} for {@code mlp.hook_pre|post}, else {@code d_model}
     * @throws VivariumException if the hook does not exist or has a head axis
     */
    public static int width(ModelConfig cfg, String hook) {
        HookName name = HookName.parse(hook, cfg);
        if (name.hasHeads()) {
            throw new VivariumException("cannot inject at " + hook + ": its activation has a head axis",
                    "inject into the residual stream (blocks.L.hook_resid_pre|mid|post) or a block output");
        }
        return name.site().startsWith("mlp.") ? cfg.dMlp() : cfg.dModel();
    }

    /**
     * Builds the arrays to add: one {@code [batch, pos, width]} array per hook, zero except at the injected rows and
     * positions (two injections at the same place add up).
     *
     * @param m the manager of the step
     * @param cfg the model
     * @param injections the batch's injections (rows and positions already checked by {@link Batch})
     * @param batch rows in the batch
     * @param length positions per row
     * @return hook path to array, in first-seen order; empty when there are no injections
     * @throws VivariumException if an injection's site or width does not fit the model
     */
    public static Map<String, NDArray> additions(NDManager m, ModelConfig cfg, List<RowInjection> injections,
            int batch, int length) {
        Map<String, float[]> dense = new LinkedHashMap<>();
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (RowInjection in : injections) {
            int w = widths.computeIfAbsent(in.hook(), h -> width(cfg, h));
            if (in.vector().length != w) {
                throw new VivariumException("injection at " + in.hook() + " has a vector of length "
                        + in.vector().length + " but the activation has width " + w, "pass vectors of length " + w);
            }
            float[] d = dense.computeIfAbsent(in.hook(), h -> new float[batch * length * w]);
            int base = (in.row() * length + in.position()) * w;
            for (int i = 0; i < w; i++) {
                d[base + i] += in.vector()[i];
            }
        }
        Map<String, NDArray> out = new LinkedHashMap<>();
        dense.forEach((h, d) -> out.put(h, m.create(d, new Shape(batch, length, widths.get(h)))));
        return out;
    }
}
