package org.vivarium.organisms;

import java.nio.file.Path;
import org.vivarium.api.model.Model;
import org.vivarium.organisms.card.TruthCard;

/**
 * A recipe for raising one model organism and checking it against its truth card.
 *
 * <pre>{@code
 * Organism o = OrganismCatalog.builtIn().find("induction");
 * TrainOutcome out = o.train(new TrainRequest(1, 0, Path.of("runs/induction"), false), ctx);
 * CheckResult check = o.check(model, Path.of("runs/induction"), ctx);
 * }</pre>
 */
public interface Organism {
    /** @return the name used on the command line, e.g. {@code induction} */
    String name();

    /** @return one sentence on what is planted */
    String summary();

    /** @return the default number of training steps (sized for minutes on 2 CPU cores) */
    int defaultSteps();

    /** @return what is planted, where and how strongly, for the default recipe */
    TruthCard truthCard();

    /**
     * The truth card of one trained organism: its recipe (options such as a fine-tune domain) is read from
     * the trained checkpoint's provenance, so the card follows what was actually planted.
     *
     * @param trained the provenance of the trained checkpoint
     * @return the card
     */
    default TruthCard truthCard(org.vivarium.api.provenance.Provenance trained) {
        return truthCard();
    }

    /**
     * The host's measuring scorer for this organism: verifies auditors' claims by its own measurements on
     * prompts no auditor sees.
     *
     * @param card the unsealed card of the trained organism
     * @param model the audited model
     * @param comparisons comparison models by role (e.g. {@code base}, {@code control}), owned by the caller
     * @return the scorer
     */
    default org.vivarium.organisms.score.ClaimScorer scorer(TruthCard card, Model model,
            java.util.Map<String, Model> comparisons) {
        return org.vivarium.organisms.score.ClaimScorer.none(card);
    }

    /**
     * Trains the organism and writes its checkpoint under {@code request.out()/checkpoint}.
     *
     * @param request seed, steps, output directory, resume flag
     * @param ctx runtime and output
     * @return where things were written and the final loss
     */
    TrainOutcome train(TrainRequest request, OrganismContext ctx);

    /**
     * Measures the planted behaviour in a trained model and scores it against the truth card; writes a
     * report (Markdown, HTML, JSON, PNG) into {@code reportDir}.
     *
     * @param model the trained organism
     * @param reportDir where to write the report
     * @param ctx runtime and output
     * @return the verdict and the numbers
     */
    CheckResult check(Model model, Path reportDir, OrganismContext ctx);

    /**
     * Checks a trained run directory without loading a transformer checkpoint, for organisms that are not
     * transformers (e.g. {@code superposition}, whose toy models are plain weight matrices). The launcher calls
     * this first and falls back to loading {@code runDir}'s checkpoint and calling {@link #check} when it is
     * empty.
     *
     * @param runDir the run directory written by {@link #train}; the report goes there too
     * @param ctx runtime and output
     * @return the verdict, or empty if this organism is checked through {@link #check}
     */
    default java.util.Optional<CheckResult> checkRun(Path runDir, OrganismContext ctx) {
        return java.util.Optional.empty();
    }

    /**
     * Returns the prompt sets and behaviour meter that {@code viv audit} hands to method plugins.
     *
     * @param model the trained organism (some organisms derive data from its tokenizer)
     * @return the audit data, or empty if this organism is not auditable by plugins
     */
    default java.util.Optional<AuditData> auditData(Model model) {
        return java.util.Optional.empty();
    }

    /**
     * Returns what {@code viv audit --blind} hands to method plugins: a secret-free corpus, the platform's
     * meters and the base checkpoint (see {@link BlindData}).
     *
     * @param model the trained organism
     * @return the blind data, or empty if this organism cannot be audited blind
     */
    default java.util.Optional<BlindData> blindData(Model model) {
        return java.util.Optional.empty();
    }

    /**
     * Draws text like the organism's training data, e.g. for caching activations and training sparse
     * autoencoders on it ({@code viv organism text}).
     *
     * @param count how many texts
     * @param seed the seed
     * @return the texts (may contain line breaks), or empty if this organism has no text generator
     */
    default java.util.List<String> sampleText(int count, long seed) {
        return java.util.List.of();
    }
}
