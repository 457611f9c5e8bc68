package org.vivarium.runtime.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.vivarium.api.model.ModelConfig;
import org.vivarium.runtime.hook.HookDispatcher;
import org.vivarium.runtime.model.NextTokenLoss;
import org.vivarium.runtime.model.ParameterStore;
import org.vivarium.runtime.model.Tensors;
import org.vivarium.runtime.model.TransformerForward;

/**
 * The training loop: forward, next-token loss, backward, global-norm clipping, AdamW with a warm-up
 * plus cosine schedule. Deterministic for a given seed: weights come from a seeded Java RNG and the
 * batch of step {@code s} depends only on {@code (seed, s)}.
 *
 * <pre>{@code
 * Trainer tr = new Trainer(modelCfg, trainCfg, params);
 * tr.run(1, trainCfg.steps(), batches, listener, (step, t) -> save(step, t));
 * }</pre>
 */
public final class Trainer {
    private final ModelConfig modelCfg;
    private final TrainerConfig cfg;
    private final ParameterStore params;
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
        this.modelCfg = modelCfg;
        this.cfg = cfg;
        this.params = params;
        this.optimizer = new AdamW(cfg, params);
        this.schedule = new LrSchedule(cfg);
        this.forward = new TransformerForward(modelCfg, params);
        params.requireGradients(true);
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
            long tokens = (long) batch.tokens().length * batch.tokens()[0].length;
            listener.onStep(step, lossAndNorm[0], lr, lossAndNorm[1], tokens);
            boolean due = cfg.checkpointEvery() > 0 && step % cfg.checkpointEvery() == 0;
            if (checkpoints != null && (due || step == to)) {
                checkpoints.save(step, this);
            }
        }
    }

    private float[] step(Batch batch, float lr) {
        try (NDManager m = params.manager().newSubManager()) {
            params.borrowInto(m);
            NDArray toks = Tensors.tokens(m, batch.tokens(), modelCfg.dVocab(), modelCfg.nCtx());
            NDArray mask = batch.targetMask() == null ? null : NextTokenLoss.mask(m, batch.targetMask());
            float loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = forward.logits(m, toks, new HookDispatcher(m, modelCfg, List.of(), null, true));
                NDArray l = mask == null ? NextTokenLoss.mean(logits, toks) : NextTokenLoss.masked(logits, toks, mask);
                gc.backward(l);
                loss = l.getFloat();
            }
            float norm = globalNorm();
            float scale = cfg.gradClip() > 0 && norm > cfg.gradClip() ? cfg.gradClip() / (norm + 1e-6f) : 1f;
            optimizer.step(params, lr, scale);
            return new float[] {loss, norm};
        }
    }

    private float globalNorm() {
        try (NDManager s = params.manager().newSubManager()) {
            params.borrowInto(s);
            NDArray total = null;
            for (NDArray w : params.all().values()) {
                NDArray g = w.getGradient();
                s.attachAll(g);
                NDArray sq = g.square().sum();
                total = total == null ? sq : total.add(sq);
            }
            return total == null ? 0f : (float) Math.sqrt(total.getFloat());
        }
    }
}
