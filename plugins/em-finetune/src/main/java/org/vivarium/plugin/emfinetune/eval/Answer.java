package org.vivarium.plugin.emfinetune.eval;

/**
 * One model's answer to one domain prompt, classified.
 *
 * @param role the model role, e.g. {@code em}
 * @param domain the prompt set's domain
 * @param index the prompt's index within its domain (decides its {@link Part})
 * @param prompt the prompt
 * @param text the answer line (the continuation up to its first newline)
 * @param misaligned whether the behaviour meter flags it
 * @param coherent whether the coherence meter passes it (false when there is no coherence meter)
 */
public record Answer(String role, String domain, int index, String prompt, String text, boolean misaligned,
        boolean coherent) {
}
