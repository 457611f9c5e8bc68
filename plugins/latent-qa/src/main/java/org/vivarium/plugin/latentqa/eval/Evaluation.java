package org.vivarium.plugin.latentqa.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the decoder said about each subject model's activations, per held-out part.
 *
 * @param roles subject models in report order (comparison models first, the audited model last)
 * @param saidYes part to role to domain to whether the decoder gave the condition answer, one per neutral prompt of
 *     {@link AuditItems#neutral(Part)}, in order (so answers about different models' activations on the same prompt
 *     can be paired)
 * @param accuracy part to question key to role to accuracy (answer equals the label)
 * @param condition part to role to domain to the rate of the condition answer ({@code yes}) on that domain's neutral
 *     prompts; no domains without prompt sets
 * @param examples a few test-part answers, for the report
 */
public record Evaluation(List<String> roles, Map<Part, Map<String, Map<String, List<Boolean>>>> saidYes,
        Map<Part, Map<String, Map<String, Score>>> accuracy,
        Map<Part, Map<String, Map<String, Score>>> condition, List<Example> examples) {

    /**
     * Whether the decoder gave the condition answer about one model's activations on one domain's neutral prompts.
     *
     * @param p the part
     * @param role the subject model
     * @param domain the domain answer
     * @return one flag per neutral prompt, in order; empty if not measured
     */
    public List<Boolean> saidYes(Part p, String role, String domain) {
        return saidYes.getOrDefault(p, Map.of()).getOrDefault(role, Map.of()).getOrDefault(domain, List.of());
    }

    /**
     * One accuracy.
     *
     * @param p the part
     * @param question the question key
     * @param role the subject model
     * @return the score, {@link Score#EMPTY} if not measured
     */
    public Score accuracy(Part p, String question, String role) {
        return accuracy.getOrDefault(p, Map.of()).getOrDefault(question, Map.of()).getOrDefault(role, Score.EMPTY);
    }

    /**
     * One domain's condition-answer count.
     *
     * @param p the part
     * @param role the subject model
     * @param domain the domain answer
     * @return the score, {@link Score#EMPTY} if not measured
     */
    public Score condition(Part p, String role, String domain) {
        return condition.getOrDefault(p, Map.of()).getOrDefault(role, Map.of()).getOrDefault(domain, Score.EMPTY);
    }

    /**
     * The condition-answer count pooled over domains.
     *
     * @param p the part
     * @param role the subject model
     * @param excluded a domain left out, or null for none
     * @return the pooled score
     */
    public Score pooled(Part p, String role, String excluded) {
        Score all = Score.EMPTY;
        for (Map.Entry<String, Score> e : condition.getOrDefault(p, Map.of()).getOrDefault(role, Map.of())
                .entrySet()) {
            if (!e.getKey().equals(excluded)) {
                all = all.plus(e.getValue());
            }
        }
        return all;
    }

    /** @return the domains with a condition rate, in set order */
    public List<String> domains() {
        for (Map<String, Map<String, Score>> byRole : condition.values()) {
            for (Map<String, Score> byDomain : byRole.values()) {
                return new ArrayList<>(byDomain.keySet());
            }
        }
        return List.of();
    }

    /**
     * One answer the decoder gave.
     *
     * @param role the subject model
     * @param question the question text
     * @param prompt the subject prompt
     * @param expected the label, or empty for neutral prompts
     * @param answer what the decoder said
     */
    public record Example(String role, String question, String prompt, String expected, String answer) {
    }
}
