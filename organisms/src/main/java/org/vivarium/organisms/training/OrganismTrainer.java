package org.vivarium.organisms.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.api.model.Tokenizer;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.ConfigJson;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.organisms.OrganismContext;
import org.vivarium.organisms.TrainOutcome;
import org.vivarium.report.progress.ProgressBar;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.train.BatchSource;
import org.vivarium.runtime.train.Trainer;
import org.vivarium.runtime.train.TrainerConfig;

/**
 * Trains a model for an organism recipe: fresh or resumed, with a progress bar (loss, tokens/s, ETA),
 * a loss curve, and crash-safe checkpoints that carry provenance (recipe, settings, seed, data hash,
 * code version, environment).
 */
public final class OrganismTrainer {
    /** Name of the checkpoint directory inside a run directory. */
    public static final String CHECKPOINT_DIR = "checkpoint";

    private final String recipe;
    private final ModelConfig modelCfg;
    private final TrainerConfig trainCfg;
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
    public OrganismTrainer(String recipe, ModelConfig modelCfg, TrainerConfig trainCfg, BatchSource data,
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
        Path ckptDir = runDir.resolve(CHECKPOINT_DIR);
        int startStep = 1;
        Checkpoint previous = null;
        if (resume && CheckpointIO.isCheckpoint(ckptDir)) {
            previous = CheckpointIO.read(ckptDir);
            if (!previous.hasTrainingState()) {
                throw new VivariumException("checkpoint " + ckptDir + " has no optimizer state to resume from",
                        "train again without --resume, or into another --out directory");
            }
            checkSameRecipe(previous, ckptDir);
            startStep = Integer.parseInt(previous.trainerState().getOrDefault("step", "0")) + 1;
        } else if (!resume && CheckpointIO.isCheckpoint(ckptDir)) {
            ctx.out().println("note: replacing the checkpoint in " + ckptDir
                    + " when the first new checkpoint is written (use --resume to continue it instead)");
        }
        try {
            Files.createDirectories(runDir);
        } catch (java.io.IOException e) {
            throw new VivariumException("cannot create run directory " + runDir + ": " + e.getMessage(),
                    "choose a writable --out directory", e);
        }
        LossLog log = new LossLog();
        if (previous != null) {
            log.loadPrefix(runDir.resolve("loss.csv"), startStep - 1);
        }
        try (ParameterStore params = previous == null
                ? ParameterStore.initialise(modelCfg, trainCfg.seed(), ctx.runtime().manager())
                : ParameterStore.fromTensors(previous.weights(), ctx.runtime().manager())) {
            Trainer trainer = new Trainer(modelCfg, trainCfg, params);
            if (previous != null) {
                trainer.optimizer().restore(previous.optimizerState(), startStep - 1);
                ctx.out().printf("resuming %s from step %d of %d%n", recipe, startStep - 1, trainCfg.steps());
            }
            if (startStep > trainCfg.steps()) {
                ctx.out().println("already trained for " + trainCfg.steps() + " steps; nothing to do");
                return new TrainOutcome(runDir, ckptDir, trainCfg.steps(), Float.NaN, 0, 0);
            }
            ctx.out().printf("training %s: %,d parameters, %d steps x %d sequences, seed %d%n", recipe,
                    modelCfg.parameterCount(), trainCfg.steps(), trainCfg.batchSize(), trainCfg.seed());
            long t0 = System.nanoTime();
            long[] tokens = {0};
            long[] lastTime = {t0};
            long[] lastTokens = {0};
            double[] rate = {0};
            try (ProgressBar bar = ProgressBar.builder("train " + recipe).total(trainCfg.steps() - startStep + 1)
                    .unit("step").out(ctx.out()).interactive(ctx.interactive()).build()) {
                trainer.run(startStep, trainCfg.steps(), data, (step, loss, lr, norm, tok) -> {
                    tokens[0] += tok;
                    long now = System.nanoTime();
                    if (now - lastTime[0] > 250_000_000L) {
                        rate[0] = (tokens[0] - lastTokens[0]) / ((now - lastTime[0]) / 1e9);
                        lastTime[0] = now;
                        lastTokens[0] = tokens[0];
                    }
                    log.add(step, loss, lr, norm, rate[0]);
                    bar.metric("loss", loss);
                    bar.metric("tok/s", rate[0]);
                    bar.advance(1);
                }, (step, tr) -> save(ckptDir, params, tr, step, runDir, log));
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (trainer.skippedSteps() > 0) {
                ctx.out().println("note: " + trainer.skippedSteps() + " step(s) had a non-finite loss or gradient"
                        + " and were skipped (no update)");
            }
            return new TrainOutcome(runDir, ckptDir, trainCfg.steps(), log.recentLoss(50), secs, tokens[0] / secs);
        }
    }

    private void checkSameRecipe(Checkpoint previous, Path ckptDir) {
        if (!previous.config().equals(modelCfg) || !recipe.equals(previous.provenance().recipe())) {
            throw new VivariumException("checkpoint " + ckptDir + " was trained by " + previous.provenance().recipe()
                    + " with another architecture", "resume it with the same organism and settings, or drop --resume");
        }
    }

    private void save(Path ckptDir, ParameterStore params, Trainer trainer, int step, Path runDir, LossLog log) {
        Map<String, String> state = new HashMap<>();
        state.put("step", String.valueOf(step));
        state.put("total_steps", String.valueOf(trainCfg.steps()));
        state.put("recipe", recipe);
        Checkpoint c = new Checkpoint(modelCfg, params.toTensors(), tokenizer, provenance(step),
                trainer.optimizer().state(), state);
        CheckpointIO.write(ckptDir, c);
        log.write(runDir, recipe + " — training loss");
    }

    private Provenance provenance(int step) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model_config", ConfigJson.toJsonString(modelCfg).replaceAll("\\s+", ""));
        trainCfg.asSettings().forEach((k, v) -> settings.put("train." + k, v));
        recipeSettings.forEach((k, v) -> settings.put("data." + k, v));
        settings.put("trained_steps", String.valueOf(step));
        Map<String, String> env = new LinkedHashMap<>(Provenances.environment());
        return new Provenance("checkpoint", recipe, settings, trainCfg.seed(), data.dataHash(),
                Provenances.codeVersion(), "", Instant.now().toString(), env);
    }
}
