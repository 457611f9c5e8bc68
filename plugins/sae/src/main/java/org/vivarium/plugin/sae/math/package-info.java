/**
 * Plain float math for sparse autoencoders: row-major weights held as arrays of rows (so the JIT
 * vectorises the inner loops), the encoder and decoder, TopK selection and a small thread pool.
 */
package org.vivarium.plugin.sae.math;
