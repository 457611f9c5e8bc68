package org.vivarium.runtime.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.runtime.hook.HookDispatcher;
import org.vivarium.runtime.lora.LoraAdapters;
import org.vivarium.runtime.model.NextTokenLoss;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.model.TransformerForward;
import org.vivarium.runtime.nd.Tensors;

/**
 * The training loop: forward, next-token loss, backward, global-norm clipping, AdamW with a warm-up
 * plus cosine schedule. Deterministic for a given seed: weights come from a seeded Java RNG and the
 * batch of step {@code s} depends only on {@code (seed, s)}.
 *
 * <pre>{@code
 * Trainer tr = Trainer.full(modelCfg, trainCfg, params);           // every weight (same as new Trainer(...))
 * Trainer tr = Trainer.lora(modelCfg, trainCfg, base, adapters);   // only the LoRA adapters; base frozen
 * tr.run(1, trainCfg.steps(), batches, listener, (step, t) -> save(step, t));
 * }</pre>
 *
 * <p>Full fine-tuning is full training started from given weights ({@code ParameterStore.fromTensors}). A batch
 * may carry {@link RowInjection}s: vectors added to the activation at a hook, row and position in that step's
 * forward pass (one dense array per hook, added with one engine op; see {@link InjectionSites}).
 */
public final class Trainer {
    private final ModelConfig modelCfg;
    private final TrainerConfig cfg;
    private final ParameterStore params;
    private final LoraAdapters adapters;
    private final TrainableSet trainable;
    private final AdamW optimizer;
    private final LrSchedule schedule;
    private final TransformerForward forward;

    /**
     * Prepares training of {@code params} (gradients are switched on).
     *
     * @param modelCfg architecture
     * @param cfg optimisation settings
     * @param params weights to train in place
     */
    public Trainer(ModelConfig modelCfg, TrainerConfig cfg, ParameterStore params) {
        this(modelCfg, cfg, params, null);
    }

    private Trainer(ModelConfig modelCfg, TrainerConfig cfg, ParameterStore params, LoraAdapters adapters) {
        this.modelCfg = modelCfg;
        this.cfg = cfg;
        this.params = params;
        this.adapters = adapters;
        this.trainable = adapters == null ? TrainableSet.allOf(params) : TrainableSet.adaptersOf(adapters);
        this.optimizer = new AdamW(cfg, trainable);
        this.schedule = new LrSchedule(cfg);
        this.forward = new TransformerForward(modelCfg, params, adapters);
        if (adapters != null) {
            params.requireGradients(false);
        }
        trainable.requireGradients(true);
    }

    /**
     * Trains every weight in place: training from scratch ({@code ParameterStore.initialise}) or full
     * fine-tuning from given weights ({@code ParameterStore.fromTensors(checkpoint.weights(), mgr)}).
     *
     * @param modelCfg architecture
     * @param cfg optimisation settings
     * @param params weights to train in place
     * @return the trainer
     */
    public static Trainer full(ModelConfig modelCfg, TrainerConfig cfg, ParameterStore params) {
        return new Trainer(modelCfg, cfg, params, null);
    }

    /**
     * Trains only LoRA adapters: the forward pass uses {@code W + (alpha/r) A B}; the base weights get no
     * gradient and are never modified.
     *
     * @param modelCfg architecture
     * @param cfg optimisation settings (weight decay applies to A and B)
     * @param base the frozen base weights
     * @param adapters the adapters to train in place
     * @return the trainer
     * @throws org.vivarium.api.VivariumException if the adapters were made for another architecture
     */
    public static Trainer lora(ModelConfig modelCfg, TrainerConfig cfg, ParameterStore base, LoraAdapters adapters) {
        adapters.requireFits(modelCfg);
        return new Trainer(modelCfg, cfg, base, adapters);
    }

    /** @return the parameters being optimised */
    public TrainableSet trainable() {
        return trainable;
    }

    /** @return the optimizer, for saving and restoring its state */
    public AdamW optimizer() {
        return optimizer;
    }

    /** Receives a callback when a checkpoint is due. */
    @FunctionalInterface
    public interface CheckpointHook {
        /**
         * Saves a checkpoint.
         *
         * @param step the step just completed
         * @param trainer the trainer (its optimizer state is consistent with the weights)
         */
        void save(int step, Trainer trainer);
    }

    /**
     * Runs steps {@code from..to} inclusive.
     *
     * @param from first step (1 for a fresh run, k+1 to resume after step k)
     * @param to last step
     * @param data batches
     * @param listener per-step metrics
     * @param checkpoints called every {@code checkpointEvery} steps and after the last step
     */
    public void run(int from, int to, BatchSource data, StepListener listener, CheckpointHook checkpoints) {
        for (int step = from; step <= to; step++) {
            Batch batch = data.batch(step, cfg.batchSize());
            float lr = schedule.at(step);
            float[] lossAndNorm = step(batch, lr);
            if (lossAndNorm[2] > 0) {
                skipped++;
                consecutiveSkips++;
                if (consecutiveSkips > MAX_CONSECUTIVE_SKIPS) {
                    throw new org.vivarium.api.VivariumException("training diverged at step " + step + ": loss "
                            + lossAndNorm[0] + ", gradient norm " + lossAndNorm[1] + " for " + consecutiveSkips
                            + " steps in a row", "lower the learning rate or resume from the last checkpoint"
                            + " (it is kept, not overwritten)");
                }
            } else {
                consecutiveSkips = 0;
            }
            long tokens = (long) batch.tokens().length * batch.tokens()[0].length;
            listener.onStep(step, lossAndNorm[0], lr, lossAndNorm[1], tokens);
            boolean due = cfg.checkpointEvery() > 0 && step % cfg.checkpointEvery() == 0;
            if (checkpoints != null && (due || step == to)) {
                checkpoints.save(step, this);
            }
        }
    }

    /** Steps with a non-finite loss or gradient are skipped (no update); this many in a row is divergence. */
    public static final int MAX_CONSECUTIVE_SKIPS = 10;

    private int skipped;
    private int consecutiveSkips;

    /**
     * Returns how many steps were skipped because their loss or gradient was not finite (the update is
     * dropped, as mixed-precision loss scalers do); such steps are rare float overflows, not divergence.
     *
     * @return skipped steps so far
     */
    public int skippedSteps() {
        return skipped;
    }

    private float[] step(Batch batch, float lr) {
        try (NDManager m = params.manager().newSubManager()) {
            params.borrowInto(m);
            if (adapters != null) {
                adapters.borrowInto(m);
            }
            NDArray toks = Tensors.tokens(m, batch.tokens(), modelCfg.dVocab(), modelCfg.nCtx());
            NDArray mask = batch.targetMask() == null ? null : NextTokenLoss.mask(m, batch.targetMask());
            Map<String, NDArray> injected = InjectionSites.additions(m, modelCfg, batch.injections(),
                    batch.tokens().length, batch.tokens()[0].length);
            float loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = forward.logits(m, toks,
                        new HookDispatcher(m, modelCfg, List.of(), null, true, injected));
                NDArray l = mask == null ? NextTokenLoss.mean(logits, toks) : NextTokenLoss.masked(logits, toks, mask);
                gc.backward(l);
                loss = l.getFloat();
            }
            float norm = globalNorm();
            if (!Float.isFinite(loss) || !Float.isFinite(norm)) {
                zeroGradients();
                return new float[] {loss, norm, 1f};
            }
            float scale = cfg.gradClip() > 0 && norm > cfg.gradClip() ? cfg.gradClip() / (norm + 1e-6f) : 1f;
            optimizer.step(trainable, lr, scale);
            return new float[] {loss, norm, 0f};
        }
    }

    /** Global L2 norm of all gradients: per-parameter norms on the engine, combined in double precision. */
    private float globalNorm() {
        try (NDManager s = trainable.manager().newSubManager()) {
            trainable.borrowInto(s);
            java.util.List<NDArray> norms = new java.util.ArrayList<>();
            for (NDArray w : trainable.all().values()) {
                NDArray g = w.getGradient();
                s.attachAll(g);
                norms.add(g.norm().reshape(1));
            }
            if (norms.isEmpty()) {
                return 0f;
            }
            double sq = 0;
            for (float n : ai.djl.ndarray.NDArrays.concat(new ai.djl.ndarray.NDList(norms)).toFloatArray()) {
                sq += (double) n * n;
            }
            return (float) Math.sqrt(sq);
        }
    }

    private void zeroGradients() {
        try (NDManager s = trainable.manager().newSubManager()) {
            trainable.borrowInto(s);
            for (NDArray w : trainable.all().values()) {
                NDArray g = w.getGradient();
                s.attachAll(g);
                g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
            }
        }
    }
}
