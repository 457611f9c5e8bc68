package org.vivarium.api.train;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform service that fine-tunes a checkpoint. The platform implements it; plugins obtain it as an
 * OSGi service (or from {@link org.vivarium.api.method.MethodContext#fineTuner()}).
 */
@ProviderType
public interface FineTuner {
    /**
     * Runs a fine-tune and writes its outputs atomically (an interrupted run leaves no half-written checkpoint).
     *
     * @param request the job
     * @param progress receives one unit per step and the {@code loss} metric (a
     *     {@link org.vivarium.api.method.Progress} bar, for instance)
     * @return where the outputs are and how the loss moved
     * @throws org.vivarium.api.VivariumException if the base checkpoint is missing or malformed, or an
     *     adapter target matches no weight (naming the valid ones)
     */
    FineTuneResult fineTune(FineTuneRequest request, TrainingProgress progress);
}
