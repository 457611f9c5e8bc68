package org.vivarium.organisms.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.train.BatchSource;
import org.vivarium.api.train.ModelTrainer;
import org.vivarium.api.train.PretrainRequest;
import org.vivarium.api.train.PretrainResult;
import org.vivarium.api.train.TrainerSettings;
import org.vivarium.api.train.TrainingListener;
import org.vivarium.api.train.TrainingStep;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.report.progress.ProgressBar;

/**
 * Trains a model for an organism recipe through the runtime's {@link ModelTrainer}: fresh or resumed, with a
 * progress bar (loss, tokens/s, ETA); the trainer writes the loss curve and crash-safe checkpoints that carry
 * provenance (recipe, settings, seed, data hash, code version, environment).
 */
public final class OrganismTrainer {
    /** Name of the checkpoint directory inside a run directory. */
    public static final String CHECKPOINT_DIR = ModelTrainer.CHECKPOINT_DIR;

    private final String recipe;
    private final ModelConfig modelCfg;
    private final TrainerSettings trainCfg;
    private final BatchSource data;
    private final Tokenizer tokenizer;
    private final Map<String, String> recipeSettings;

    /**
     * Describes one training job.
     *
     * @param recipe recipe name for provenance, e.g. {@code organism/induction}
     * @param modelCfg architecture
     * @param trainCfg optimisation settings (includes the seed)
     * @param data batches
     * @param tokenizer tokenizer saved with the checkpoint
     * @param recipeSettings recipe-specific settings recorded in provenance
     */
    public OrganismTrainer(String recipe, ModelConfig modelCfg, TrainerSettings trainCfg, BatchSource data,
            Tokenizer tokenizer, Map<String, String> recipeSettings) {
        this.recipe = recipe;
        this.modelCfg = modelCfg;
        this.trainCfg = trainCfg;
        this.data = data;
        this.tokenizer = tokenizer;
        this.recipeSettings = new LinkedHashMap<>(recipeSettings);
    }

    /**
     * Runs training into {@code runDir} ({@code runDir/checkpoint} plus {@code loss.csv}, {@code loss.png}).
     *
     * @param runDir the run directory
     * @param resume continue from the checkpoint there if it holds training state
     * @param ctx runtime and output
     * @return the outcome
     */
    public TrainOutcome run(Path runDir, boolean resume, OrganismContext ctx) {
        PretrainRequest req = new PretrainRequest(recipe, modelCfg, trainCfg, data, tokenizer, runDir, resume,
                recipeSettings);
        if (!resume && CheckpointIO.isCheckpoint(req.checkpointDir())) {
            ctx.out().println("note: replacing the checkpoint in " + req.checkpointDir()
                    + " when the first new checkpoint is written (use --resume to continue it instead)");
        }
        try (Bar bar = new Bar(ctx)) {
            PretrainResult r = ctx.runtime().trainer().pretrain(req, bar);
            if (r.firstStep() > r.lastStep()) {
                return new TrainOutcome(runDir, r.checkpoint(), trainCfg.steps(), Float.NaN, 0, 0);
            }
            if (r.skippedSteps() > 0) {
                ctx.out().println("note: " + r.skippedSteps() + " step(s) had a non-finite loss or gradient"
                        + " and were skipped (no update)");
            }
            return new TrainOutcome(runDir, r.checkpoint(), trainCfg.steps(), r.finalLoss(), r.seconds(),
                    r.tokensPerSecond());
        }
    }

    /** Prints where the run starts and shows a progress bar with the loss and the throughput. */
    private final class Bar implements TrainingListener, AutoCloseable {
        private final OrganismContext ctx;
        private ProgressBar bar;

        Bar(OrganismContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void started(int firstStep, int lastStep, boolean resumed) {
            if (resumed) {
                ctx.out().printf("resuming %s from step %d of %d%n", recipe, firstStep - 1, lastStep);
            }
            if (firstStep > lastStep) {
                ctx.out().println("already trained for " + lastStep + " steps; nothing to do");
                return;
            }
            ctx.out().printf("training %s: %,d parameters, %d steps x %d sequences, seed %d%n", recipe,
                    modelCfg.parameterCount(), lastStep, trainCfg.batchSize(), trainCfg.seed());
            bar = ProgressBar.builder("train " + recipe).total(lastStep - firstStep + 1).unit("step").out(ctx.out())
                    .interactive(ctx.interactive()).build();
        }

        @Override
        public void step(TrainingStep s) {
            bar.metric("loss", s.loss());
            bar.metric("tok/s", s.tokensPerSecond());
            bar.advance(1);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
