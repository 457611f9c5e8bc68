/** Tests of {@code viv bench}: the MiniLM forward comparison with ONNX Runtime, run small. */
package org.vivarium.launcher.bench;
