package org.vivarium.importer.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX {@code ModelProto} an importer needs: the main graph's nodes, initializers, inputs and outputs,
 * plus where it came from. Lookups between nodes are indexed once.
 *
 * @param irVersion the ONNX IR version
 * @param producer producer name and version, e.g. {@code pytorch 2.0.1}
 * @param opsets operator set versions by domain ({@code ""} for standard ONNX)
 * @param nodes the nodes in graph order
 * @param initializers the initializers by name
 * @param inputs the graph input names (initializers excluded)
 * @param outputs the graph output names
 */
public record OnnxModel(long irVersion, String producer, Map<String, Long> opsets, List<OnnxNode> nodes,
        Map<String, OnnxTensor> initializers, List<String> inputs, List<String> outputs) {

    /**
     * Indexes which node produces each value.
     *
     * @return value name to node
     */
    public Map<String, OnnxNode> producers() {
        Map<String, OnnxNode> m = new HashMap<>();
        for (OnnxNode n : nodes) {
            for (String o : n.outputs()) {
                m.put(o, n);
            }
        }
        return m;
    }

    /**
     * Indexes which nodes read each value.
     *
     * @return value name to nodes, in graph order
     */
    public Map<String, List<OnnxNode>> consumers() {
        Map<String, List<OnnxNode>> m = new HashMap<>();
        for (OnnxNode n : nodes) {
            for (String i : n.inputs()) {
                m.computeIfAbsent(i, k -> new ArrayList<>()).add(n);
            }
        }
        m.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return m;
    }
}
