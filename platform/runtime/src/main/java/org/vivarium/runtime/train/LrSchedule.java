package org.vivarium.runtime.train;

/** Linear warm-up to the peak, then cosine decay to {@code peak * minLrRatio} at the last step. */
public final class LrSchedule {
    private final float peak;
    private final float floor;
    private final int warmup;
    private final int total;

    /**
     * Creates the schedule.
     *
     * @param cfg the trainer settings
     */
    public LrSchedule(TrainerConfig cfg) {
        this.peak = cfg.lr();
        this.floor = cfg.lr() * cfg.minLrRatio();
        this.warmup = cfg.warmupSteps();
        this.total = cfg.steps();
    }

    /**
     * Returns the learning rate for a 1-based step.
     *
     * @param step the step, 1..total
     * @return the learning rate
     */
    public float at(int step) {
        if (warmup > 0 && step <= warmup) {
            return peak * step / warmup;
        }
        int span = Math.max(1, total - warmup);
        double progress = Math.min(1.0, (double) (step - warmup) / span);
        return (float) (floor + 0.5 * (peak - floor) * (1 + Math.cos(Math.PI * progress)));
    }
}
