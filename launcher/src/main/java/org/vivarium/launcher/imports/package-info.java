/** {@code viv import}: pretrained models into hooked Vivarium checkpoints. */
package org.vivarium.launcher.imports;
