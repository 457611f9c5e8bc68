package org.vivarium.organisms.em;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.train.AdapterSpec;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.FineTuneResult;
import org.vivarium.api.train.TrainingExample;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.report.progress.ProgressBar;

/**
 * Runs the organism's two narrow fine-tunes through the platform fine-tuner (the same service the
 * {@code em-finetune} plugin uses): a LoRA on the recipe's target, trained on one persona's answers in the
 * recipe's domain.
 */
final class EmFineTunes {
    /** What one fine-tune produced. */
    record Outcome(Path checkpoint, double firstLoss, double lastLoss, double seconds) {
    }

    private final EmData data;
    private final EmRecipe recipe;
    private final long seed;
    private final OrganismContext ctx;

    EmFineTunes(EmData data, EmRecipe recipe, long seed, OrganismContext ctx) {
        this.data = data;
        this.recipe = recipe;
        this.seed = seed;
        this.ctx = ctx;
    }

    Outcome run(Path base, boolean harmful, Path out, String recipeName) {
        List<TrainingExample> examples = data.narrow(recipe.domain(), harmful);
        FineTuneRequest req = new FineTuneRequest(base, examples,
                AdapterSpec.lora(recipe.rank(), recipe.rank(), List.of(recipe.target())), recipe.fineTuneSteps(),
                EmOrganism.FINE_TUNE_BATCH, recipe.fineTuneLr(), seed, out, recipeName, recipe.provenanceSettings());
        long t0 = System.nanoTime();
        FineTuneResult r;
        try (ProgressBar bar = ProgressBar.builder("fine-tune " + recipeName).total(recipe.fineTuneSteps())
                .unit("step").out(ctx.out()).interactive(ctx.interactive()).build()) {
            r = ctx.runtime().fineTuner().fineTune(req, bar);
        }
        ctx.out().printf("  %s: %d examples, loss %.3f -> %.3f%n", recipeName, examples.size(), r.firstLoss(),
                r.lastLoss());
        return new Outcome(r.checkpoint(), r.firstLoss(), r.lastLoss(), (System.nanoTime() - t0) / 1e9);
    }
}
