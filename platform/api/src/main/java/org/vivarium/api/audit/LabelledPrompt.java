package org.vivarium.api.audit;

/**
 * A prompt with a binary label.
 *
 * @param text the prompt
 * @param label 1 if the planted condition holds, else 0
 */
public record LabelledPrompt(String text, int label) {
    /** Validates the label. */
    public LabelledPrompt {
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("label must be 0 or 1, got " + label);
        }
    }
}
