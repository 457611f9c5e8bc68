/**
 * Audit data for the decoder (labelled items split even/odd, neutral prompt sets) and its evaluation: accuracy per
 * question and subject model, and the condition-answer rate per model and domain, with Wilson intervals.
 */
package org.vivarium.plugin.latentqa.eval;
