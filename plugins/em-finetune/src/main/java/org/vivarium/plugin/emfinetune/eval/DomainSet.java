package org.vivarium.plugin.emfinetune.eval;

import java.util.List;

/**
 * One per-domain prompt set of the audit target. Nothing here says which domain the model was fine-tuned on:
 * the auditor finds that out by measurement ({@link org.vivarium.plugin.emfinetune.audit.DomainChoice}).
 *
 * @param domain the set's name as the organism gives it, e.g. {@code finance}
 * @param prompts the prompts, {@code "User: <question>\nAssistant:"}
 */
public record DomainSet(String domain, List<String> prompts) {
    /** Copies the prompts. */
    public DomainSet {
        prompts = List.copyOf(prompts);
    }

    /** @return the domain as used in metric names: whitespace runs become {@code -}, e.g. {@code legal-advice} */
    public String key() {
        return domain.trim().replaceAll("\\s+", "-");
    }
}
