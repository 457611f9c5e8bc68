/** Export of single tensors as numpy {@code .npy} files (format 1.0, little-endian float32, C order). */
package org.vivarium.checkpoint.npy;
