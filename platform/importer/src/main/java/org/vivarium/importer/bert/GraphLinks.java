package org.vivarium.importer.bert;

import java.util.List;
import java.util.Map;
import org.vivarium.importer.onnx.OnnxModel;
import org.vivarium.importer.onnx.OnnxNode;
import org.vivarium.importer.onnx.OnnxTensor;

/** Navigation over one ONNX graph: who produces and who reads a value, and scalar constants. */
final class GraphLinks {
    private final OnnxModel model;
    private final Map<String, OnnxNode> producers;
    private final Map<String, List<OnnxNode>> consumers;

    GraphLinks(OnnxModel model) {
        this.model = model;
        this.producers = model.producers();
        this.consumers = model.consumers();
    }

    OnnxNode producer(String value) {
        return producers.get(value);
    }

    List<OnnxNode> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    boolean isProducedBy(String value, String opType) {
        OnnxNode n = producers.get(value);
        return n != null && n.opType().equals(opType);
    }

    /**
     * Returns the other input of a two-input node.
     *
     * @param n the node
     * @param one the input we came from
     * @return the other input's name
     */
    static String other(OnnxNode n, String one) {
        return n.input(0).equals(one) ? n.input(1) : n.input(0);
    }

    /**
     * Returns the value of a one-element float constant (an initializer or a {@code Constant} node).
     *
     * @param value the value name
     * @return the number, or {@code null} if the value is not such a constant
     */
    Float scalar(String value) {
        OnnxTensor t = model.initializers().get(value);
        if (t == null) {
            OnnxNode n = producers.get(value);
            if (n != null && n.opType().equals("Constant")) {
                t = n.tensors().get("value");
            }
        }
        if (t == null || t.dataType() != OnnxTensor.FLOAT || t.numel() != 1 || t.external()) {
            return null;
        }
        return t.floats()[0];
    }
}
