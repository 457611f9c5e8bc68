/**
 * Fine-tuning as a platform service: a plugin describes the data ({@link org.vivarium.api.train.TrainingExample}),
 * the trainable part ({@link org.vivarium.api.train.AdapterSpec}: LoRA of any rank on chosen matrices, or
 * full fine-tuning) and the schedule ({@link org.vivarium.api.train.FineTuneRequest}); the
 * {@link org.vivarium.api.train.FineTuner} service trains and writes a checkpoint with provenance. An example may
 * carry {@link org.vivarium.api.train.Injection}s: vectors added to its activations at chosen hook points and
 * positions in every training forward pass (for decoders that read other models' activations).
 *
 * <p>Pretraining is a platform service too: {@link org.vivarium.api.train.ModelTrainer} trains a model of a given
 * {@link org.vivarium.api.model.ModelConfig} from a seed on plain token batches
 * ({@link org.vivarium.api.train.TokenBatch} from a {@link org.vivarium.api.train.BatchSource}) with
 * {@link org.vivarium.api.train.TrainerSettings}, reports every step to a
 * {@link org.vivarium.api.train.TrainingListener} and writes a resumable checkpoint
 * ({@link org.vivarium.api.train.PretrainRequest}, {@link org.vivarium.api.train.PretrainResult}). Both services
 * come from {@link org.vivarium.api.model.ModelRuntime#trainer()} and
 * {@link org.vivarium.api.model.ModelRuntime#fineTuner()}. A fine-tune reports its steps to a
 * {@link org.vivarium.api.train.TrainingProgress}, so this package does not depend on the method SPI.
 */
@Export
@Version("2.0.0")
package org.vivarium.api.train;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
