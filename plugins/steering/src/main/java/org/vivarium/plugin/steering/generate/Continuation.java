package org.vivarium.plugin.steering.generate;

/**
 * One generated continuation.
 *
 * @param prompt the prompt's token ids as fed to the model
 * @param generated the new token ids
 * @param text the decoded new tokens
 */
public record Continuation(int[] prompt, int[] generated, String text) {
    /** Copies the arrays. */
    public Continuation {
        prompt = prompt.clone();
        generated = generated.clone();
    }

    @Override
    public int[] prompt() {
        return prompt.clone();
    }

    @Override
    public int[] generated() {
        return generated.clone();
    }
}
