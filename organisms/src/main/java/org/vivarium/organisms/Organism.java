package org.vivarium.organisms;

import java.nio.file.Path;
import org.vivarium.api.model.Model;
import org.vivarium.api.organism.TruthCard;

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

    /** @return what is planted, where and how strongly */
    TruthCard truthCard();

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
     * Returns the prompt sets and behaviour meter that {@code viv audit} hands to method plugins.
     *
     * @param model the trained organism (some organisms derive data from its tokenizer)
     * @return the audit data, or empty if this organism is not auditable by plugins
     */
    default java.util.Optional<AuditData> auditData(Model model) {
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
