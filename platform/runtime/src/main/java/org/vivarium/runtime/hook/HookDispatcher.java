package org.vivarium.runtime.hook;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.Activations;
import org.vivarium.api.model.Hook;
import org.vivarium.api.model.HookFilter;
import org.vivarium.api.model.HookName;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.tensor.Tensor;
import org.vivarium.runtime.nd.Tensors;

/**
 * The hook session of one forward pass: the forward code calls {@link #at} at every hook point, which
 * applies that point's hooks in order and captures the result if the cache filter selects it.
 *
 * <p>Create one per pass; it holds no state between passes, so hooks can never outlive a run.
 */
public final class HookDispatcher {
    private final NDManager manager;
    private final Map<String, List<Hook>> byName = new HashMap<>();
    private final HookFilter cache;
    private final Set<String> cacheNames;
    private final Map<String, NDArray> captured = new LinkedHashMap<>();
    private final boolean keepGraph;
    private final Map<String, NDArray> additions;
    private final List<HookName> valid;
    private Set<String> tapNames = Set.of();
    private final Map<String, NDArray> taps = new LinkedHashMap<>();

    /**
     * Creates a session.
     *
     * @param manager manager for temporaries and captured arrays (closed by the caller after the pass)
     * @param cfg the model's config, to validate hook names
     * @param hooks hooks to apply
     * @param cache hook points to capture
     * @param keepGraph if true, captured arrays keep their autograd graph (for gradients w.r.t. activations)
     */
    public HookDispatcher(NDManager manager, ModelConfig cfg, List<Hook> hooks, HookFilter cache, boolean keepGraph) {
        this(manager, cfg, hooks, cache, keepGraph, Map.of());
    }

    /**
     * Creates a session that also adds arrays at some hook points, after that point's hooks: e.g. a different
     * vector per batch row and position while training a decoder on injected activations. Each array must
     * broadcast to the activation's shape; it is a constant (no gradient flows into it).
     *
     * @param manager manager for temporaries and captured arrays (closed by the caller after the pass)
     * @param cfg the model's config, to validate hook names
     * @param hooks hooks to apply
     * @param cache hook points to capture
     * @param keepGraph if true, captured arrays keep their autograd graph (for gradients w.r.t. activations)
     * @param additions hook path to the array added there
     * @throws VivariumException if an addition names no hook point of this model
     */
    public HookDispatcher(NDManager manager, ModelConfig cfg, List<Hook> hooks, HookFilter cache, boolean keepGraph,
            Map<String, NDArray> additions) {
        this(manager, HookName.allFor(cfg), "for this " + cfg.nLayers() + "-layer model",
                () -> HookName.summarize(cfg), hooks, cache, keepGraph, additions);
    }

    /**
     * Creates a session for a model whose hook points are listed explicitly (e.g. an encoder, which has
     * {@code hook_token_type_embed} and no {@code ln_final}).
     *
     * @param manager manager for temporaries and captured arrays (closed by the caller after the pass)
     * @param valid every hook point of the model, in forward order
     * @param modelText how to name the model in messages, e.g. {@code for this 6-layer encoder}
     * @param summary the valid names in one line, for messages (called only on error)
     * @param hooks hooks to apply
     * @param cache hook points to capture
     * @param keepGraph if true, captured arrays keep their autograd graph
     * @throws VivariumException if a hook names no hook point of this model
     */
    public HookDispatcher(NDManager manager, List<HookName> valid, String modelText, Supplier<String> summary,
            List<Hook> hooks, HookFilter cache, boolean keepGraph) {
        this(manager, valid, modelText, summary, hooks, cache, keepGraph, Map.of());
    }

    private HookDispatcher(NDManager manager, List<HookName> valid, String modelText, Supplier<String> summary,
            List<Hook> hooks, HookFilter cache, boolean keepGraph, Map<String, NDArray> additions) {
        this.manager = manager;
        this.cache = cache == null ? HookFilter.NONE : cache;
        this.keepGraph = keepGraph;
        this.valid = List.copyOf(valid);
        Set<String> validNames = valid.stream().map(HookName::path).collect(Collectors.toSet());
        for (Hook h : hooks == null ? List.<Hook>of() : hooks) {
            if (!validNames.contains(h.name().path())) {
                throw new VivariumException("unknown hook name \"" + h.name() + "\" " + modelText,
                        "valid names are " + summary.get());
            }
            byName.computeIfAbsent(h.name().path(), k -> new ArrayList<>()).add(h);
        }
        this.cacheNames = valid.stream().filter(this.cache).map(HookName::path).collect(Collectors.toSet());
        for (String name : additions.keySet()) {
            if (!validNames.contains(name)) {
                throw new VivariumException("unknown hook name \"" + name + "\" " + modelText,
                        "valid names are " + summary.get());
            }
        }
        this.additions = Map.copyOf(additions);
    }

    /**
     * A session with no hooks and no caching.
     *
     * @param manager manager for temporaries
     * @param cfg the model config
     * @return the session
     */
    public static HookDispatcher none(NDManager manager, ModelConfig cfg) {
        return new HookDispatcher(manager, cfg, List.of(), HookFilter.NONE, false);
    }

    /**
     * Runs the hooks of one hook point.
     *
     * @param name the hook path
     * @param x the activation
     * @return the (possibly changed) activation
     */
    public NDArray at(String name, NDArray x) {
        List<Hook> hs = byName.get(name);
        NDArray y = x;
        if (hs != null) {
            for (Hook h : hs) {
                y = HookOps.apply(manager, h, y);
            }
        }
        NDArray add = additions.get(name);
        if (add != null) {
            y = y.add(add);
        }
        if (tapNames.contains(name) && !taps.containsKey(name)) {
            NDArray tap = manager.zeros(y.getShape(), y.getDataType());
            tap.setRequiresGradient(true);
            taps.put(name, tap);
            y = y.add(tap);
        }
        if (cacheNames.contains(name)) {
            captured.put(name, keepGraph ? y : y.stopGradient());
        }
        return y;
    }

    /**
     * Makes gradients with respect to activations readable: at every selected hook point, after its hooks, the
     * pass adds a zero array that requires a gradient, so after a backward pass that array's gradient is
     * {@code d output / d activation} there (a non-leaf activation keeps no gradient of its own). Call before
     * the forward pass, inside a gradient collector.
     *
     * @param at hook points to tap
     * @return this session
     */
    public HookDispatcher tapGradients(HookFilter at) {
        HookFilter f = at == null ? HookFilter.NONE : at;
        this.tapNames = valid.stream().filter(f).map(HookName::path).collect(Collectors.toSet());
        return this;
    }

    /**
     * Returns the zero arrays added by {@link #tapGradients}; after a backward pass their gradients are the
     * gradients with respect to the activations.
     *
     * @return hook path to tap, in forward order
     */
    public Map<String, NDArray> gradientTaps() {
        return taps;
    }

    /** @return whether any hook or capture is active (lets the forward skip work) */
    public boolean isActive() {
        return !byName.isEmpty() || !cacheNames.isEmpty() || !additions.isEmpty() || !tapNames.isEmpty();
    }

    /**
     * Returns captured arrays (still NDArrays, owned by the session's manager).
     *
     * @return hook path to array, in forward order
     */
    public Map<String, NDArray> capturedArrays() {
        return captured;
    }

    /**
     * Copies captured activations to Java.
     *
     * @return the activations
     */
    public Activations activations() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : captured.entrySet()) {
            out.put(e.getKey(), Tensors.toTensor(e.getValue()));
        }
        return new Activations(out);
    }
}
