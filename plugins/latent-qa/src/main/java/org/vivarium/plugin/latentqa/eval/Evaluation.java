package org.vivarium.plugin.latentqa.eval;

import java.util.List;
import java.util.Map;

/**
 * What the decoder said about each subject model's activations.
 *
 * @param roles subject models in report order (comparison models first, the audited model last)
 * @param accuracy question key to role to held-out accuracy (answer equals the label)
 * @param conditionByDomain role to domain to the rate of the condition answer (e.g. {@code harmful}) on that
 *     domain's neutral held-out prompts; empty without prompt sets
 * @param conditionRate role to the condition-answer rate pooled over the domains other than the fine-tune domain
 * @param examples a few answers, for the report
 */
public record Evaluation(List<String> roles, Map<String, Map<String, Score>> accuracy,
        Map<String, Map<String, Score>> conditionByDomain, Map<String, Score> conditionRate,
        List<Example> examples) {

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
