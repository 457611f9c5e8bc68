/**
 * Blind audits: condition data the auditor labels itself. With no labelled prompts, the model the decoder is trained
 * on samples answers to the fit part of the neutral prompt sets, a platform meter labels each answer, and the
 * decoder learns the condition question on the prompt plus the answer's first tokens; each audited and comparison
 * model is then read on its own sampled answers to the validation and test prompts.
 */
package org.vivarium.plugin.latentqa.blind;
