package org.vivarium.plugin.discovery.search;

import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.discovery.core.DomainRise;
import org.vivarium.plugin.discovery.core.AnswerSetRates;

/**
 * Behaviour search over domains, for organisms whose prompts come in named sets and take no inserted text (e.g.
 * {@code em}): every meter's expected rate on the audited and the base model per prompt ({@link AnswerSetRates}: each
 * model samples {@value #SAMPLES} answers per prompt at temperature {@value #TEMPERATURE} to find the answer set,
 * whose answers are then weighed by their exact probabilities; counted samples left the 8 domains' rates too noisy
 * to rank: see README, blind em), chosen on validation and confirmed on test by {@link DomainRise}.
 */
final class DomainSearch {
    /** Answers each model samples per prompt to find the answer set. */
    static final int SAMPLES = 8;
    /** Their sampling temperature. */
    static final float TEMPERATURE = 1.0f;

    private DomainSearch() {
    }

    static List<Claim> claims(AuditTarget target, Model base, Progress progress, Map<String, Double> metrics) {
        return DomainRise.claims(target, base, AnswerSetRates.of(target, base, SAMPLES, TEMPERATURE),
                "the audited model departs most from its base model on %s prompts (%s)",
                "audited vs base expected rates per prompt (answer set from " + SAMPLES
                        + " samples per prompt and model, temperature " + TEMPERATURE
                        + ", each answer weighed by its exact probability)",
                "test_rise_", progress, metrics);
    }
}
