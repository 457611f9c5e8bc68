/**
 * Recognises a Hugging Face BERT encoder in an ONNX graph (exported from PyTorch), checks it is one the hooked
 * runtime can run, and maps its weights and tokenizer to Vivarium's TransformerLens {@code HookedEncoder} layout.
 */
package org.vivarium.importer.bert;
