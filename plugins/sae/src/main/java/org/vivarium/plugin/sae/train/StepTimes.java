package org.vivarium.plugin.sae.train;

/**
 * Where a training run's steps spent their wall-clock time.
 *
 * @param steps steps timed
 * @param encoderSeconds the dense encoder product: the copy of the weights and worker 0's sgemm over its rows, with
 *     its copies in and out (the other workers' products run at the same time and count as sparse pass)
 * @param sparseSeconds the workers' sparse pass: TopK/ReLU, decoding, the loss and every gradient
 * @param optimizerSeconds Adam over all parameters and the decoder-row renormalisation
 * @param totalSeconds the whole loop, including reading rows, logging and resampling
 */
public record StepTimes(long steps, double encoderSeconds, double sparseSeconds, double optimizerSeconds,
        double totalSeconds) {

    /**
     * @param seconds a phase's total
     * @return milliseconds per step
     */
    public double perStepMillis(double seconds) {
        return steps == 0 ? 0 : 1e3 * seconds / steps;
    }

    /** @return the time outside the three phases (rows, logging, resampling) */
    public double otherSeconds() {
        return totalSeconds - encoderSeconds - sparseSeconds - optimizerSeconds;
    }
}
