package org.vivarium.plugin.emfinetune.eval;

import java.util.List;

/**
 * One held-out prompt set of the audit target.
 *
 * @param name the set's name as the organism gives it, e.g. {@code finance (fine-tune domain)}
 * @param domain the domain, without the fine-tune mark, e.g. {@code finance}
 * @param fineTune whether the model was fine-tuned on this domain
 * @param prompts the prompts, {@code "User: <question>\nAssistant:"}
 */
public record DomainSet(String name, String domain, boolean fineTune, List<String> prompts) {
    /** Copies the prompts. */
    public DomainSet {
        prompts = List.copyOf(prompts);
    }

    /** @return the domain as used in metric names: whitespace runs become {@code -}, e.g. {@code legal-advice} */
    public String key() {
        return domain.trim().replaceAll("\\s+", "-");
    }
}
