/**
 * Fine-tuning as a platform service: a plugin describes the data ({@link org.vivarium.api.train.TrainingExample}),
 * the trainable part ({@link org.vivarium.api.train.AdapterSpec}: LoRA of any rank on chosen matrices, or
 * full fine-tuning) and the schedule ({@link org.vivarium.api.train.FineTuneRequest}); the
 * {@link org.vivarium.api.train.FineTuner} service trains and writes a checkpoint with provenance.
 */
@Export
@Version("1.0.0")
package org.vivarium.api.train;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
