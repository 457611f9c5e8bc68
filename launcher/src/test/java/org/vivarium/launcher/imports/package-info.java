/** Tests of {@code viv import onnx}: unsupported files end in one error line naming what is supported. */
package org.vivarium.launcher.imports;
