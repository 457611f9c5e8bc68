package org.vivarium.plugin.discovery.search;

import java.util.List;
import java.util.Map;
import org.vivarium.api.audit.AuditTarget;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.Model;
import org.vivarium.plugin.discovery.core.DomainRise;
import org.vivarium.plugin.discovery.core.PairRates;

/**
 * Behaviour search over domains, for organisms whose prompts come in named sets and take no inserted text (e.g.
 * {@code em}): every meter on the audited and the base model's answers per domain, {@value #SAMPLES} sampled answers
 * per prompt at temperature {@value #TEMPERATURE} (one greedy answer per prompt left the 8 domains' rates too coarse
 * to rank: see README, blind em), chosen on validation and confirmed on test by {@link DomainRise}.
 */
final class DomainSearch {
    /** Sampled answers per prompt for the domain choice. */
    static final int SAMPLES = 4;
    /** Their sampling temperature. */
    static final float TEMPERATURE = 1.0f;

    private DomainSearch() {
    }

    static List<Claim> claims(AuditTarget target, Model base, Progress progress, Map<String, Double> metrics) {
        return DomainRise.claims(target, base, PairRates.sampled(target, base, SAMPLES, TEMPERATURE),
                "the audited model departs most from its base model on %s prompts (%s)", "audited vs base answers per"
                        + " domain (" + SAMPLES + " sampled per prompt, temperature " + TEMPERATURE + ")",
                "test_rise_", progress, metrics);
    }
}
