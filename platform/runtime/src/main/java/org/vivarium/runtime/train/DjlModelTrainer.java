package org.vivarium.runtime.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vivarium.api.VivariumException;
import org.vivarium.api.provenance.Provenance;
import org.vivarium.api.train.ModelTrainer;
import org.vivarium.api.train.PretrainRequest;
import org.vivarium.api.train.PretrainResult;
import org.vivarium.api.train.TrainingListener;
import org.vivarium.api.train.TrainingStep;
import org.vivarium.checkpoint.Checkpoint;
import org.vivarium.checkpoint.CheckpointIO;
import org.vivarium.checkpoint.ConfigJson;
import org.vivarium.checkpoint.Provenances;
import org.vivarium.runtime.model.ParameterStore;

/**
 * The DJL implementation of {@link ModelTrainer}: a {@link Trainer} over every weight, fresh from the seed
 * ({@link ParameterStore#initialise}) or resumed from the run directory's checkpoint (weights, AdamW moments and
 * step), with crash-safe checkpoints that carry provenance (recipe, settings, seed, data hash, code version,
 * environment) and a loss curve ({@code loss.csv}, {@code loss.png}) rewritten at every checkpoint.
 */
public final class DjlModelTrainer implements ModelTrainer {
    /** Steps averaged for {@link PretrainResult#finalLoss()}. */
    static final int FINAL_LOSS_WINDOW = 50;
    private static final long RATE_REFRESH_NANOS = 250_000_000L;

    private final Supplier<NDManager> manager;

    /**
     * Creates the trainer; weights live under a runtime's native memory.
     *
     * @param manager gives the runtime's root manager (e.g. {@code runtime::manager} of a
     *     {@link org.vivarium.runtime.DjlModelRuntime}); called when a run starts, so the engine still starts on
     *     first use
     */
    public DjlModelTrainer(Supplier<NDManager> manager) {
        this.manager = manager;
    }

    @Override
    public PretrainResult pretrain(PretrainRequest req, TrainingListener listener) {
        Path runDir = req.runDir();
        Path ckptDir = req.checkpointDir();
        TrainerConfig cfg = TrainerConfig.of(req.settings());
        Checkpoint previous = req.resume() && CheckpointIO.isCheckpoint(ckptDir) ? resumable(req, ckptDir) : null;
        int startStep = previous == null ? 1
                : Integer.parseInt(previous.trainerState().getOrDefault("step", "0")) + 1;
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new VivariumException("cannot create run directory " + runDir + ": " + e.getMessage(),
                    "choose a writable --out directory", e);
        }
        LossLog log = new LossLog();
        if (previous != null) {
            log.loadPrefix(runDir.resolve("loss.csv"), startStep - 1);
        }
        try (ParameterStore params = previous == null
                ? ParameterStore.initialise(req.model(), cfg.seed(), manager.get())
                : ParameterStore.fromTensors(previous.weights(), manager.get())) {
            Trainer trainer = new Trainer(req.model(), cfg, params);
            if (previous != null) {
                trainer.optimizer().restore(previous.optimizerState(), startStep - 1);
            }
            listener.started(startStep, cfg.steps(), previous != null);
            if (startStep > cfg.steps()) {
                return new PretrainResult(ckptDir, runDir.resolve("loss.csv"), startStep, cfg.steps(), List.of(),
                        Float.NaN, 0, 0, 0);
            }
            List<Float> losses = new ArrayList<>();
            Throughput rate = new Throughput();
            trainer.run(startStep, cfg.steps(), new ApiBatches(req.data()), (step, loss, lr, norm, tokens) -> {
                double tps = rate.add(tokens);
                losses.add(loss);
                log.add(step, loss, lr, norm, tps);
                listener.step(new TrainingStep(step, loss, lr, norm, tokens, tps));
            }, (step, tr) -> save(req, cfg, params, tr, step, log));
            return new PretrainResult(ckptDir, runDir.resolve("loss.csv"), startStep, cfg.steps(), losses,
                    log.recentLoss(FINAL_LOSS_WINDOW), trainer.skippedSteps(), rate.tokens, rate.seconds());
        }
    }

    private static Checkpoint resumable(PretrainRequest req, Path ckptDir) {
        Checkpoint previous = CheckpointIO.read(ckptDir);
        if (!previous.hasTrainingState()) {
            throw new VivariumException("checkpoint " + ckptDir + " has no optimizer state to resume from",
                    "train again without --resume, or into another --out directory");
        }
        if (!previous.config().equals(req.model()) || !req.recipe().equals(previous.provenance().recipe())) {
            throw new VivariumException("checkpoint " + ckptDir + " was trained by " + previous.provenance().recipe()
                    + " with another architecture", "resume it with the same organism and settings, or drop --resume");
        }
        return previous;
    }

    private static void save(PretrainRequest req, TrainerConfig cfg, ParameterStore params, Trainer trainer,
            int step, LossLog log) {
        Map<String, String> state = new HashMap<>();
        state.put("step", String.valueOf(step));
        state.put("total_steps", String.valueOf(cfg.steps()));
        state.put("recipe", req.recipe());
        Checkpoint c = new Checkpoint(req.model(), params.toTensors(), req.tokenizer(), provenance(req, cfg, step),
                trainer.optimizer().state(), state);
        CheckpointIO.write(req.checkpointDir(), c);
        log.write(req.runDir(), req.recipe() + " — training loss");
    }

    private static Provenance provenance(PretrainRequest req, TrainerConfig cfg, int step) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model_config", ConfigJson.toJsonString(req.model()).replaceAll("\\s+", ""));
        cfg.asSettings().forEach((k, v) -> settings.put("train." + k, v));
        req.recipeSettings().forEach((k, v) -> settings.put("data." + k, v));
        settings.put("trained_steps", String.valueOf(step));
        Map<String, String> env = new LinkedHashMap<>(Provenances.environment());
        return new Provenance("checkpoint", req.recipe(), settings, cfg.seed(), req.data().dataHash(),
                Provenances.codeVersion(), "", Instant.now().toString(), env);
    }

    /** The API's batches as the runtime's (no injections). */
    private record ApiBatches(org.vivarium.api.train.BatchSource source) implements BatchSource {
        @Override
        public Batch batch(int step, int batchSize) {
            return Batch.of(source.batch(step, batchSize));
        }

        @Override
        public String dataHash() {
            return source.dataHash();
        }
    }

    /** Tokens per second, refreshed about four times a second. */
    private static final class Throughput {
        private final long start = System.nanoTime();
        private long tokens;
        private long lastTime = start;
        private long lastTokens;
        private double rate;

        double add(long stepTokens) {
            tokens += stepTokens;
            long now = System.nanoTime();
            if (now - lastTime > RATE_REFRESH_NANOS) {
                rate = (tokens - lastTokens) / ((now - lastTime) / 1e9);
                lastTime = now;
                lastTokens = tokens;
            }
            return rate;
        }

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
