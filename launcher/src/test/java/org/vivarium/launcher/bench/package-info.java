/** Tests of {@code viv bench} commands at test size (the MiniLM forward comparison with ONNX Runtime, HTTP search). */
package org.vivarium.launcher.bench;
