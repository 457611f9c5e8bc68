package org.vivarium.api.audit;

/**
 * One claim an auditor tested, with its evidence.
 *
 * @param claim the claim, e.g. {@code a linear probe separates trigger-present prompts at layer 1}
 * @param supported whether the measurements support it
 * @param evidence the numbers, e.g. {@code held-out accuracy 0.97, AUROC 0.99 (n=64)}
 * @param truthCardKind the planted kind it speaks to ({@code trigger}, {@code behaviour}, ...), or empty
 */
public record AuditFinding(String claim, boolean supported, String evidence, String truthCardKind) {
}
