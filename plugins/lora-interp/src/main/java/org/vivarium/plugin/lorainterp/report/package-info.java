/**
 * Presenting an analysis: Markdown tables (spectra, directions, tokens, components), PNG plots (singular values,
 * cosine by residual site) and audit metrics.
 */
package org.vivarium.plugin.lorainterp.report;
