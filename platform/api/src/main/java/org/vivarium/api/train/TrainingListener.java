package org.vivarium.api.train;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Follows a pretraining run: once before the first step, then after every step (progress bars, loss recorders).
 *
 * <pre>{@code
 * TrainingListener print = s -> System.out.printf("step %d loss %.3f%n", s.step(), s.loss());
 * }</pre>
 */
@ConsumerType
@FunctionalInterface
public interface TrainingListener {
    /**
     * Called once before the first step; {@code firstStep > lastStep} when a resumed run had nothing left to do.
     *
     * @param firstStep the first step this call runs (1 for a fresh run, k+1 after a checkpoint at step k)
     * @param lastStep the last step ({@link TrainerSettings#steps()})
     * @param resumed whether the run continues a checkpoint in the run directory
     */
    default void started(int firstStep, int lastStep, boolean resumed) {
    }

    /**
     * Called after every optimizer step.
     *
     * @param step the step's metrics
     */
    void step(TrainingStep step);

    /** @return a listener that ignores everything */
    static TrainingListener none() {
        return s -> { };
    }
}
