/**
 * The platform's {@link org.vivarium.api.train.FineTuner}: supervised fine-tuning of a checkpoint on
 * prompt/completion examples (loss on the completion only), with LoRA of any rank or every weight, written as a
 * merged checkpoint with provenance, the adapter beside it, and a loss curve.
 */
package org.vivarium.runtime.finetune;
