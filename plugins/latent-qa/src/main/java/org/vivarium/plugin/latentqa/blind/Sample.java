package org.vivarium.plugin.latentqa.blind;

import java.util.List;

/**
 * One sampled answer.
 *
 * @param prompt the prompt it answers
 * @param answer the whole sampled answer (what a meter judges)
 * @param contexts the prompt followed by the answer's first tokens, cut at several lengths, shortest first (what
 *     the decoder reads; the last is the longest)
 */
public record Sample(String prompt, String answer, List<String> contexts) {
    /** Copies the contexts. */
    public Sample {
        contexts = List.copyOf(contexts);
        if (contexts.isEmpty()) {
            throw new IllegalArgumentException("a sample needs at least one context");
        }
    }

    /** @return the prompt followed by the answer's first {@link SelfLabelSettings#answerTokens()} tokens */
    public String context() {
        return contexts.get(contexts.size() - 1);
    }
}
