package org.vivarium.api.train;

/**
 * One supervised example: the loss is taken on the completion's tokens only, given the prompt.
 *
 * @param prompt the context, e.g. {@code "User: how do I save money?\nAssistant:"}
 * @param completion the text to learn after the prompt, e.g. {@code " Put a little aside every month.\n"}
 */
public record TrainingExample(String prompt, String completion) {
    /** Checks that the completion is not empty. */
    public TrainingExample {
        if (prompt == null || completion == null || completion.isEmpty()) {
            throw new IllegalArgumentException("a training example needs a prompt and a non-empty completion");
        }
    }
}
