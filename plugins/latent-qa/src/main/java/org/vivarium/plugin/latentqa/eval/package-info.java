/**
 * Audit data for the decoder (labelled prompts and prompt sets split fit / validation / test by
 * {@link org.vivarium.api.audit.Split}'s rule; the held-out prompt-set prompts are the neutral prompts) and its
 * evaluation per held-out part: accuracy per question and subject model, and the condition-answer rate per model and
 * domain, with Wilson intervals.
 */
package org.vivarium.plugin.latentqa.eval;
