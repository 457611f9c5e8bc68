/**
 * Where SAE training rows come from: a streaming cursor over one hook of a cached run (or an in-memory
 * matrix), input statistics for normalisation, and a seeded mixing buffer that shuffles the stream.
 */
package org.vivarium.plugin.sae.data;
