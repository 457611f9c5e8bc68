/**
 * Reads the parts of an ONNX model file an importer needs (graph nodes, initializers, inputs, outputs) with a small
 * protobuf wire-format reader, so no generated {@code onnx.proto} classes or native runtime are needed.
 */
package org.vivarium.importer.onnx;
