package org.vivarium.organisms.score;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.audit.Claim;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;

/**
 * Verifies claims against a truth card by measurement. Subclasses implement {@link #check} for one planted
 * property; {@link #verify} tries every planted property of the claim's kind.
 */
public abstract class ClaimScorer {
    private final TruthCard card;

    /**
     * Creates a scorer for a card.
     *
     * @param card the unsealed truth card
     */
    protected ClaimScorer(TruthCard card) {
        this.card = card;
    }

    /** @return the card scored against */
    public TruthCard card() {
        return card;
    }

    /**
     * Verifies one claim. Unsupported claims are not measured (they are the auditor's negative results).
     *
     * @param method the auditor's name
     * @param claim the claim
     * @return the verdict
     */
    public ClaimVerdict verify(String method, Claim claim) {
        if (!claim.supported()) {
            return new ClaimVerdict(method, claim, null, List.of(), "not submitted: the auditor's own measurement did"
                    + " not support it");
        }
        List<Planted> candidates = new ArrayList<>();
        for (Planted p : card.planted()) {
            if (p.kind() == claim.kind()) {
                candidates.add(p);
            }
        }
        if (candidates.isEmpty()) {
            return new ClaimVerdict(method, claim, null, List.of(), "the organism has no planted property of kind "
                    + claim.kind().id());
        }
        StringBuilder why = new StringBuilder();
        List<String> found = new ArrayList<>();
        String first = null;
        for (Planted p : candidates) {
            Check c;
            try {
                c = check(p, claim);
            } catch (RuntimeException e) {
                c = Check.fail("could not be measured: " + e.getMessage());
            }
            if (c.passed()) {
                found.add(p.id());
                first = first == null ? p.id() : first;
            }
            if (why.length() > 0) {
                why.append("; ");
            }
            why.append(p.id()).append(c.passed() ? " PASSED: " : " failed: ").append(c.measured());
        }
        String id = first != null ? first : candidates.get(candidates.size() - 1).id();
        return new ClaimVerdict(method, claim, id, found, why.toString());
    }

    /**
     * Measures whether a claim reproduces one planted property.
     *
     * @param planted a planted property of the claim's kind
     * @param claim the claim
     * @return pass or fail with what was measured
     */
    protected abstract Check check(Planted planted, Claim claim);

    /**
     * A scorer for organisms no auditor can find anything in: every claim fails.
     *
     * @param card the card
     * @return the scorer
     */
    public static ClaimScorer none(TruthCard card) {
        return new ClaimScorer(card) {
            @Override
            protected Check check(Planted planted, Claim claim) {
                return Check.fail("this organism has no measuring scorer for " + claim.kind().id() + " claims");
            }
        };
    }

    /**
     * One measurement's outcome.
     *
     * @param passed whether it reached the card's threshold
     * @param measured the numbers and the threshold
     */
    public record Check(boolean passed, String measured) {
        /**
         * @param why the reason
         * @return a failed check
         */
        public static Check fail(String why) {
            return new Check(false, why);
        }
    }
}
