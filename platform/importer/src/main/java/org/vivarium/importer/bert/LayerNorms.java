package org.vivarium.importer.bert;

import org.vivarium.importer.onnx.OnnxNode;

/**
 * Finds a LayerNorm in an ONNX graph from its weight: either one {@code LayerNormalization} node or the form
 * PyTorch exports at opset &lt; 17, {@code (x - mean) / Sqrt(ReduceMean((x - mean)^2) + eps) * w + b}.
 */
final class LayerNorms {
    private LayerNorms() {
    }

    /**
     * Reads a LayerNorm's epsilon.
     *
     * @param g the graph
     * @param weight the LayerNorm's gain initializer
     * @return the epsilon, or {@code null} if the pattern is not found
     */
    static Float epsilon(GraphLinks g, String weight) {
        for (OnnxNode c : g.consumers(weight)) {
            if (c.opType().equals("LayerNormalization")) {
                return c.floats().getOrDefault("epsilon", 1e-5f);
            }
            if (!c.opType().equals("Mul")) {
                continue;
            }
            OnnxNode div = g.producer(GraphLinks.other(c, weight));
            if (div == null || !div.opType().equals("Div")) {
                continue;
            }
            OnnxNode sqrt = g.producer(div.input(1));
            if (sqrt == null || !sqrt.opType().equals("Sqrt")) {
                continue;
            }
            OnnxNode add = g.producer(sqrt.input(0));
            if (add == null || !add.opType().equals("Add")) {
                continue;
            }
            for (String in : add.inputs()) {
                Float e = g.scalar(in);
                if (e != null && g.isProducedBy(GraphLinks.other(add, in), "ReduceMean")) {
                    return e;
                }
            }
        }
        return null;
    }

    /**
     * Returns the name of a LayerNorm's output value.
     *
     * @param g the graph
     * @param weight the gain initializer
     * @param bias the bias initializer
     * @return the output value, or {@code null} if the pattern is not found
     */
    static String output(GraphLinks g, String weight, String bias) {
        for (OnnxNode c : g.consumers(weight)) {
            if (c.opType().equals("LayerNormalization")) {
                return c.outputs().get(0);
            }
            if (c.opType().equals("Mul")) {
                for (OnnxNode add : g.consumers(c.outputs().get(0))) {
                    if (add.opType().equals("Add") && add.inputs().contains(bias)) {
                        return add.outputs().get(0);
                    }
                }
            }
        }
        return null;
    }
}
