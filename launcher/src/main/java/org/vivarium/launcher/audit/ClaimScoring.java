package org.vivarium.launcher.audit;

import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.Claim;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.organisms.score.ClaimScorer;
import org.vivarium.organisms.score.ClaimVerdict;

/** Has the organism's scorer verify every claim of every section, once the auditors have finished. */
final class ClaimScoring {
    private ClaimScoring() {
    }

    /**
     * Verifies every claim in the report's sections and files the verdicts.
     *
     * @param report the report, its card unsealed
     * @param scorer the organism's scorer for that card
     * @param ctx streams
     * @param progress prefix of the progress line on stderr per claim, e.g. {@code seed 2/5: }
     */
    static void score(AuditReport report, ClaimScorer scorer, CliContext ctx, String progress) {
        List<String> methods = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (AuditSection s : report.sections()) {
            for (Claim c : s.claims()) {
                methods.add(s.method());
                claims.add(c);
            }
        }
        long submitted = claims.stream().filter(Claim::supported).count();
        ctx.out().printf("scoring: %d claim(s), %d supported by their auditor, verified by the scorer's own"
                + " measurement%n", claims.size(), submitted);
        int i = 0;
        for (int k = 0; k < claims.size(); k++) {
            Claim c = claims.get(k);
            String method = methods.get(k);
            if (c.supported()) {
                ctx.err().printf("%sscoring claim %d/%d [%s %s]...%n", progress, ++i, submitted, method, c.kind().id());
            }
            ClaimVerdict v = scorer.verify(method, c);
            report.verdict(v);
            if (c.supported()) {
                ctx.out().printf("  [%s] %s %s: %s — %s%n", method, v.label(), c.kind().id(), c.statement(),
                        v.measured());
            }
        }
    }
}
