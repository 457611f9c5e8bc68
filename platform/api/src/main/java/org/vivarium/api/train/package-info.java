/**
 * Fine-tuning as a platform service: a plugin describes the data ({@link org.vivarium.api.train.TrainingExample}),
 * the trainable part ({@link org.vivarium.api.train.AdapterSpec}: LoRA of any rank on chosen matrices, or
 * full fine-tuning) and the schedule ({@link org.vivarium.api.train.FineTuneRequest}); the
 * {@link org.vivarium.api.train.FineTuner} service trains and writes a checkpoint with provenance. An example may
 * carry {@link org.vivarium.api.train.Injection}s: vectors added to its activations at chosen hook points and
 * positions in every training forward pass (for decoders that read other models' activations).
 */
@Export
@Version("1.1.0")
package org.vivarium.api.train;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
