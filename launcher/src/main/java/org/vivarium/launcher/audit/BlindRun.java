package org.vivarium.launcher.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.organism.RunCards;
import org.vivarium.launcher.organism.SealKey;
import org.vivarium.organisms.Organism;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.organisms.TrainRequest;
import org.vivarium.organisms.card.CardSeal;

/**
 * Makes one seed's run directory ready for a blind audit: trains the organism there if it has no checkpoint, or
 * reuses the run if its checkpoint was trained with that seed; refuses a run that holds an open-book report (it
 * names the secret); and makes sure the card is sealed there with this host's key.
 */
final class BlindRun {
    /** Files an open-book check writes into a run directory; each names the planted secret. */
    private static final String[] OPEN_BOOK = {"report.md", "report.html", "report.json"};

    private BlindRun() {
    }

    /**
     * Prepares the run.
     *
     * @param organism the organism
     * @param seed the seed
     * @param steps training steps (0 = the organism's default)
     * @param runDir the seed's run directory
     * @param runtime the model runtime
     * @param ctx streams and environment
     * @param progress prefix of progress lines on stderr
     * @throws VivariumException if an existing run has another seed, holds an open-book report, or was sealed with
     *     another key
     */
    static void prepare(Organism organism, long seed, int steps, Path runDir, ModelRuntime runtime, CliContext ctx,
            String progress) {
        java.util.Optional<Provenance> trained = RunCards.provenance(runDir);
        if (trained.isEmpty()) {
            ctx.err().println(progress + "training " + organism.name() + " (seed " + seed + ") into " + runDir);
            TrainOutcome t = organism.train(new TrainRequest(seed, steps, runDir, false),
                    new OrganismContext(runtime, ctx.out(), false));
            ctx.out().printf("trained %s seed %d: %d steps in %.1f s, final loss %.4f%n", organism.name(), seed,
                    t.steps(), t.seconds(), t.finalLoss());
            RunCards.seal(organism, runDir, ctx.env());
            return;
        }
        if (trained.get().seed() != seed) {
            throw new VivariumException("the run " + runDir + " was trained with seed " + trained.get().seed()
                    + ", not " + seed, "pass another --out, or remove " + runDir + " to train seed " + seed + " there");
        }
        for (String f : OPEN_BOOK) {
            if (Files.exists(runDir.resolve(f))) {
                throw new VivariumException("the run " + runDir + " holds the open-book check report " + f
                        + ", which names the planted secret", "train blind runs with 'viv organism train "
                        + organism.name() + " --no-check', or delete " + runDir.resolve("report.*"));
            }
        }
        ctx.err().println(progress + "reusing " + runDir + " (trained with seed " + seed + ")");
        if (CardSeal.isSealed(runDir)) {
            CardSeal.requireKey(runDir, SealKey.load(ctx.env()));
        } else {
            RunCards.seal(organism, runDir, ctx.env());
        }
    }
}
