package org.vivarium.importer.bert;

import java.util.Map;
import org.vivarium.api.model.ActFn;
import org.vivarium.importer.onnx.OnnxTensor;

/**
 * A BERT encoder found in an ONNX graph: its sizes and its weights under Hugging Face names (without the graph's
 * common prefix). Linear weights are {@code NAME.weight} in {@code [in, out]} layout, as the graph multiplies by them.
 *
 * @param nLayers encoder layers
 * @param dModel hidden size
 * @param nHeads attention heads
 * @param dHead head width
 * @param dMlp intermediate size
 * @param dVocab vocabulary size
 * @param nCtx position embeddings
 * @param nTokenTypes token type embeddings
 * @param eps LayerNorm epsilon
 * @param actFn MLP activation
 * @param tensors Hugging Face name to tensor
 */
public record BertLayout(int nLayers, int dModel, int nHeads, int dHead, int dMlp, int dVocab, int nCtx,
        int nTokenTypes, float eps, ActFn actFn, Map<String, OnnxTensor> tensors) {
}
