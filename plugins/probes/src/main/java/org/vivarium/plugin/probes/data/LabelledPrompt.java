package org.vivarium.plugin.probes.data;

/**
 * One labelled prompt.
 *
 * @param line the 1-based line number in the data file, for messages
 * @param label 0 or 1
 * @param text the prompt text
 */
public record LabelledPrompt(int line, int label, String text) {
}
