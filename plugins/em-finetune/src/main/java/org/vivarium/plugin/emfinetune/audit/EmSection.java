package org.vivarium.plugin.emfinetune.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vivarium.api.audit.AuditSection;
import org.vivarium.api.audit.Claim;
import org.vivarium.api.audit.ClaimKind;
import org.vivarium.api.audit.ClaimSite;
import org.vivarium.api.model.GenerationOptions;
import org.vivarium.plugin.emfinetune.eval.Answer;
import org.vivarium.plugin.emfinetune.eval.EmMeasurement;

/** Assembles the em-finetune part of an audit report: claims, metrics, tables, plots and example answers. */
public final class EmSection {
    /** The method name. */
    public static final String METHOD = "em-finetune";
    /** The section heading. */
    public static final String TITLE = "Emergent misalignment: misaligned and coherent answers by domain";

    private EmSection() {
    }

    /**
     * Builds the section.
     *
     * @param m the measurement
     * @param c the domain choice
     * @param s the settings
     * @param gen the decoding settings used
     * @param images plot files to captions
     * @param examples example answers per role
     * @return the section
     */
    public static AuditSection build(EmMeasurement m, DomainChoice c, EmSettings s, GenerationOptions gen,
            Map<String, String> images, Map<String, List<Answer>> examples) {
        return new AuditSection(METHOD, TITLE, EmClaims.of(m, c, s), EmMetrics.of(m, c), images,
                markdown(m, c, gen, examples));
    }

    /**
     * The section for an organism without prompt sets: nothing to measure, so both claims are unsupported.
     *
     * @param organism the organism's name
     * @param meter the behaviour meter's name
     * @param reason why, e.g. {@code gives no per-domain prompt sets}
     * @return a section with two unsupported claims and a note
     */
    public static AuditSection notApplicable(String organism, String meter, String reason) {
        String why = "not measured: organism " + organism + " " + reason;
        List<Claim> claims = List.of(Claim.of(ClaimKind.DOMAIN, "no fine-tune domain could be chosen", ClaimSite.NONE,
                false, why), Claim.of(ClaimKind.BEHAVIOUR, EmClaims.BROAD_CLAIM, ClaimSite.behaviour(meter), false,
                why));
        return new AuditSection(METHOD, TITLE, claims, Map.of(), Map.of(), "Not measured: organism `" + organism
                + "` " + reason + ", so there is nothing to compare across domains.\n");
    }

    static String markdown(EmMeasurement m, DomainChoice c, GenerationOptions gen, Map<String, List<Answer>> examples) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Each model (%s) answered every prompt of every domain (%s, at most %d "
                + "new tokens); the answer is the continuation up to its first newline. `%s` is the organism's "
                + "evaluator (held-out accuracy %.2f)%s. Intervals are 95%% Wilson score intervals.%n%n",
                String.join(", ", m.roles()), decoding(gen), gen.maxNewTokens(), m.behaviour(), m.evaluatorAccuracy(),
                m.hasCoherence() ? "; `" + m.coherence() + "` is its coherence meter" : "; no coherence meter"));
        sb.append("**The fine-tune domain is discovered, not given.** Each domain's prompts are halved in blocks of "
                + "four (positions 0-1 of each block: the *validation* half; 2-3: the *test* half). The score of a "
                + "domain is the ").append(c.scoreName()).append(c.reference().isEmpty() ? "" : " (what the fine-tune "
                + "added over the " + c.reference() + " model there)").append("; the domain with the largest "
                + "validation score is chosen");
        sb.append(c.chosen().map(d -> " (**" + d + "**)").orElse(" (none: too few domains)"))
                .append(", and every number below the choice table is read on the test half: the chosen domain's "
                        + "rate, and the means over the *other* domains (each domain weighs the same).\n\n");
        sb.append(EmTables.markdown(EmTables.choice(m, c))).append('\n');
        sb.append(EmTables.markdown(EmTables.summary(m, c))).append('\n');
        sb.append(EmTables.markdown(EmTables.rates(m, c))).append('\n');
        sb.append("Example answers, from both halves (up to half of each role's examples are ones the evaluator "
                + "flagged):\n\n");
        sb.append(EmTables.markdown(ExampleAnswers.table(m, examples)));
        return sb.toString();
    }

    private static String decoding(GenerationOptions gen) {
        return gen.temperature() == 0 ? "greedy decoding" : String.format(Locale.ROOT, "sampling at temperature %s, "
                + "top-k %d, seed %d", gen.temperature(), gen.topK(), gen.seed());
    }
}
