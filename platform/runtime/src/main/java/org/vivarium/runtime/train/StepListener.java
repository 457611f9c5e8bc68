package org.vivarium.runtime.train;

/** Receives per-step training metrics (progress bars, loss-curve recorders). */
@FunctionalInterface
public interface StepListener {
    /**
     * Called after every optimizer step.
     *
     * @param step 1-based step
     * @param loss training loss of the step's batch
     * @param lr learning rate used
     * @param gradNorm global gradient norm before clipping
     * @param tokens tokens processed in this step
     */
    void onStep(int step, float loss, float lr, float gradNorm, long tokens);
}
