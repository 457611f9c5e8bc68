package org.vivarium.plugin.latentqa.decoder;

import org.vivarium.plugin.latentqa.qa.QaItem;

/**
 * A labelled item with the subject activation read for it.
 *
 * @param item the question, prompt and correct answer
 * @param activation the subject's activation on the prompt (not copied)
 */
public record QaExample(QaItem item, float[] activation) {
}
