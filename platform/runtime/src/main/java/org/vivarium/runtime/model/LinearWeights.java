package org.vivarium.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The weight matrices as the forward pass multiplies by them ({@code [in, out]} views of the stored tensors),
 * with optional {@link WeightDeltas} added. Without deltas the ops are exactly the plain forward pass's.
 */
final class LinearWeights {
    private final ParameterStore p;
    private final WeightDeltas deltas;

    LinearWeights(ParameterStore p, WeightDeltas deltas) {
        this.p = p;
        this.deltas = deltas;
    }

    /**
     * Returns a weight in its matrix view, plus its delta if any.
     *
     * @param name state-dict name of a weight matrix
     * @return {@code [in, out]}
     */
    NDArray matrix(String name) {
        NDArray m = view(name, p.get(name));
        if (deltas == null) {
            return m;
        }
        NDArray d = deltas.delta(name);
        return d == null ? m : m.add(d);
    }

    /**
     * Returns a parameter in its stored shape, with its delta folded in if any.
     *
     * @param name state-dict name
     * @return the effective parameter
     */
    NDArray effective(String name) {
        NDArray w = p.get(name);
        NDArray d = deltas == null ? null : deltas.delta(name);
        if (d == null) {
            return w;
        }
        Shape s = w.getShape();
        NDArray m = view(name, w).add(d);
        if (isHeadsIn(name)) {
            return m.reshape(s.get(1), s.get(0), s.get(2)).transpose(1, 0, 2);
        }
        return m.reshape(s);
    }

    private static NDArray view(String name, NDArray w) {
        if (isHeadsIn(name)) {
            return Layers.headsIn(w);
        }
        if (name.endsWith(".W_O")) {
            Shape s = w.getShape();
            return w.reshape(s.get(0) * s.get(1), s.get(2));
        }
        return w;
    }

    private static boolean isHeadsIn(String name) {
        return name.endsWith(".W_Q") || name.endsWith(".W_K") || name.endsWith(".W_V");
    }
}
