package org.vivarium.api.train;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform service that pretrains a model from a configuration: fresh weights from the seed, AdamW with
 * warm-up and cosine decay, gradient clipping, resumable checkpoints with provenance, and a loss curve. The
 * platform implements it; callers obtain it from {@link org.vivarium.api.model.ModelRuntime#trainer()} (the same
 * runtime that loads the result). Fine-tuning an existing checkpoint is {@link FineTuner}'s job.
 *
 * <pre>{@code
 * ModelTrainer trainer = runtime.trainer();
 * PretrainResult r = trainer.pretrain(new PretrainRequest("organism/induction", modelCfg,
 *         TrainerSettings.defaults(2000, 7), batches, tokenizer, runDir, false, Map.of()),
 *         step -> bar.advance(1));
 * try (Model m = runtime.load(r.checkpoint())) { ... }
 * }</pre>
 *
 * <p>Runs are repeatable: the same request (same seed, same batches) gives the same weights and the same loss
 * curve on the same engine and thread count, and a run interrupted after a checkpoint and resumed ends where an
 * uninterrupted run ends.
 */
@ProviderType
public interface ModelTrainer {
    /** Name of the checkpoint directory inside a run directory. */
    String CHECKPOINT_DIR = "checkpoint";

    /**
     * Trains (or resumes) the run the request describes, writing a checkpoint every
     * {@link TrainerSettings#checkpointEvery()} steps and after the last step; each checkpoint write is atomic,
     * so a crash leaves the previous one.
     *
     * @param request the job
     * @param listener told where the run starts and the metrics of every step
     * @return where the checkpoint and loss curve are and how the loss moved
     * @throws org.vivarium.api.VivariumException if the run directory cannot be written, the checkpoint to
     *     resume holds no optimizer state or comes from another recipe or architecture, the model does not fit
     *     in memory, or training diverges (many non-finite steps in a row)
     */
    PretrainResult pretrain(PretrainRequest request, TrainingListener listener);
}
