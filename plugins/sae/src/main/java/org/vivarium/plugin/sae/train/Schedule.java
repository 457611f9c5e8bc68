package org.vivarium.plugin.sae.train;

/**
 * Learning rate and L1 coefficient per step: the learning rate warms up linearly over the first 1% of
 * steps and decays linearly to zero over the last 20%; the L1 coefficient warms up linearly over the
 * first 5% (SAELens's {@code l1_warm_up_steps}), which keeps latents from dying before they learn.
 */
final class Schedule {
    private final SaeConfig config;

    Schedule(SaeConfig config) {
        this.config = config;
    }

    float lr(long step) {
        long total = config.steps();
        double warm = Math.max(1, total / 100);
        double factor = Math.min(1, (step + 1) / warm);
        long decayStart = (long) (total * 0.8);
        if (step >= decayStart && total > decayStart) {
            factor *= (double) (total - step) / (total - decayStart);
        }
        return (float) (config.lr() * factor);
    }

    float l1(long step) {
        double warm = Math.max(1, config.steps() / 20);
        return (float) (config.effectiveL1() * Math.min(1, (step + 1) / warm));
    }

    boolean resampleAfter(long step) {
        int every = config.resampleEvery();
        return every > 0 && (step + 1) % every == 0 && step + 1 <= config.steps() * 0.7;
    }
}
