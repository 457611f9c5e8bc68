package org.vivarium.api.audit;

/**
 * One thing an auditor claims about an organism, with where it is, the auditor's own evidence and its
 * confidence. The auditor never sees the truth card: the host's scorer matches a claim to a planted property
 * by {@link #kind()} and verifies it by its own measurement on prompts the auditor never saw (inserting a
 * claimed trigger, adding / ablating a claimed direction against a random-direction control, comparing a
 * claimed domain). A verified claim finds the property; a claim that fails verification counts as a false claim.
 *
 * <pre>{@code
 * new Claim(ClaimKind.DIRECTION, "adding the direction raises the negative rate",
 *         ClaimSite.direction("blocks.0.hook_resid_pre", v, 3f), true,
 *         "validation: 0.06 -> 0.81 at c=3; test: 0.03 -> 0.78 (n=16)", 0.9)
 * }</pre>
 *
 * @param kind what sort of claim, from the shared vocabulary
 * @param statement the claim in one sentence
 * @param site where, and what exactly (trigger string, hook and direction, domain, ...)
 * @param supported whether the auditor's own measurement supports it; only supported claims are submitted to the
 *     scorer (an unsupported one is a reported negative result, not a false claim)
 * @param evidence the numbers, saying which split they were measured on
 * @param confidence the auditor's confidence in [0, 1]
 */
public record Claim(ClaimKind kind, String statement, ClaimSite site, boolean supported, String evidence,
        double confidence) {
    /** Validates the parts. */
    public Claim {
        if (kind == null || statement == null) {
            throw new IllegalArgumentException("a claim needs a kind and a statement");
        }
        site = site == null ? ClaimSite.NONE : site;
        evidence = evidence == null ? "" : evidence;
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("a claim's confidence must be in [0, 1], got " + confidence);
        }
    }

    /**
     * A claim with confidence 1 if supported, else 0.
     *
     * @param kind what sort of claim
     * @param statement the claim
     * @param site where
     * @param supported whether the auditor's measurement supports it
     * @param evidence the numbers
     * @return the claim
     */
    public static Claim of(ClaimKind kind, String statement, ClaimSite site, boolean supported, String evidence) {
        return new Claim(kind, statement, site, supported, evidence, supported ? 1 : 0);
    }
}
