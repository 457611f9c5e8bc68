package org.vivarium.api.train;

import java.util.List;

/**
 * One supervised example: the loss is taken on the completion's tokens only, given the prompt; optionally, vectors
 * are added to some of its activations while it is trained on ({@link Injection}).
 *
 * <pre>{@code
 * new TrainingExample("User: how do I save money?\nAssistant:", " Put a little aside every month.\n");
 * // a latent-QA decoder example: another model's activation added at the placeholder '#' (position 0)
 * new TrainingExample("# q: which persona? a:", " harmful\n",
 *         List.of(new Injection("blocks.0.hook_resid_post", 0, activation)));
 * }</pre>
 *
 * @param prompt the context, e.g. {@code "User: how do I save money?\nAssistant:"}
 * @param completion the text to learn after the prompt, e.g. {@code " Put a little aside every month.\n"}
 * @param injections vectors added to this example's activations during training; empty for plain examples
 */
public record TrainingExample(String prompt, String completion, List<Injection> injections) {
    /** Checks that the completion is not empty and copies the injections. */
    public TrainingExample {
        if (prompt == null || completion == null || completion.isEmpty()) {
            throw new IllegalArgumentException("a training example needs a prompt and a non-empty completion");
        }
        injections = injections == null ? List.of() : List.copyOf(injections);
    }

    /**
     * A plain example, without injections.
     *
     * @param prompt the context
     * @param completion the text to learn after the prompt
     */
    public TrainingExample(String prompt, String completion) {
        this(prompt, completion, List.of());
    }

    /** @return whether any vector is injected into this example */
    public boolean isInjected() {
        return !injections.isEmpty();
    }
}
