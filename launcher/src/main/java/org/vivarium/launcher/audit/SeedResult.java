package org.vivarium.launcher.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.organisms.card.Planted;
import org.vivarium.organisms.card.TruthCard;
import org.vivarium.organisms.score.ClaimVerdict;

/**
 * One seed of a blind benchmark after scoring: its unsealed card, the scorer's verdicts, and each method's
 * seconds and failure.
 *
 * @param seed the seed
 * @param run the run directory
 * @param report the audit report written for it ({@code report.md})
 * @param card the unsealed truth card
 * @param verdicts every verdict, of auditors and the investigator
 * @param seconds wall-clock seconds per method
 * @param failures failed auditors with their error
 */
record SeedResult(long seed, Path run, Path report, TruthCard card, List<ClaimVerdict> verdicts,
        Map<String, Double> seconds, Map<String, String> failures) {

    /** Copies the collections. */
    SeedResult {
        verdicts = List.copyOf(verdicts);
        seconds = Map.copyOf(seconds);
        failures = Map.copyOf(failures);
    }

    /**
     * @param seed the seed
     * @param run the run directory
     * @param reportFile the written report
     * @param r the scored report
     * @return the result
     */
    static SeedResult of(long seed, Path run, Path reportFile, AuditReport r) {
        return new SeedResult(seed, run, reportFile, r.card(), r.verdicts(), r.seconds(), r.failures());
    }

    /**
     * @param kind a claim kind
     * @return whether the card plants something of that kind
     */
    boolean plants(ClaimKind kind) {
        return card.planted().stream().anyMatch(p -> p.kind() == kind);
    }

    /**
     * @param method a method
     * @param kind a claim kind
     * @return whether a claim of that kind by that method passed the scorer's measurement
     */
    boolean verified(String method, ClaimKind kind) {
        return verdicts.stream().anyMatch(v -> v.method().equals(method) && v.claim().kind() == kind && v.verified());
    }

    /**
     * @param p a planted property
     * @param investigator true for the investigator's claims, false for any auditor's
     * @return whether such a claim found it
     */
    boolean found(Planted p, boolean investigator) {
        return verdicts.stream().anyMatch(v -> v.method().equals(Investigator.NAME) == investigator
                && v.found().contains(p.id()));
    }

    /**
     * @param method a method
     * @return its supported claims the scorer refuted
     */
    long falseClaims(String method) {
        return verdicts.stream().filter(v -> v.method().equals(method) && v.falseClaim()).count();
    }
}
