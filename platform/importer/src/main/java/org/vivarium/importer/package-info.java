/**
 * Imports pretrained models into Vivarium checkpoints: {@link org.vivarium.importer.MiniLmImporter} (the entry point
 * for {@code viv import minilm}) and the generic {@link org.vivarium.importer.OnnxBertImporter} for BERT encoders
 * exported to ONNX.
 */
package org.vivarium.importer;
