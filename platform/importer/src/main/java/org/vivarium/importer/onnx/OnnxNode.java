package org.vivarium.importer.onnx;

import java.util.List;
import java.util.Map;

/**
 * One ONNX {@code NodeProto}: an operator with its inputs, outputs and the attributes an importer reads.
 *
 * @param name the node name (exporter-specific, e.g. {@code /encoder/layer.0/attention/self/query/MatMul})
 * @param opType the operator, e.g. {@code MatMul}
 * @param domain the operator set domain, empty for standard ONNX
 * @param inputs input value names ({@code ""} for an omitted optional input)
 * @param outputs output value names
 * @param ints integer attributes ({@code axis}, {@code transB}, …)
 * @param floats float attributes ({@code epsilon}, …)
 * @param tensors tensor attributes (a {@code Constant}'s {@code value})
 */
public record OnnxNode(String name, String opType, String domain, List<String> inputs, List<String> outputs,
        Map<String, Long> ints, Map<String, Float> floats, Map<String, OnnxTensor> tensors) {

    /** @return {@code domain:opType}, or just the op type for standard ONNX */
    public String qualifiedOp() {
        return domain.isEmpty() || domain.equals("ai.onnx") ? opType : domain + ":" + opType;
    }

    /**
     * Returns an input name.
     *
     * @param i index
     * @return the name, or {@code ""} if the node has fewer inputs
     */
    public String input(int i) {
        return i < inputs.size() ? inputs.get(i) : "";
    }
}
