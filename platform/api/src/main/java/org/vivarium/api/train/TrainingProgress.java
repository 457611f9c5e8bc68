package org.vivarium.api.train;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where a training run reports its steps and metrics. {@link org.vivarium.api.method.Progress} (the host's progress
 * bar) is one; the type lives here so that {@link FineTuner} does not depend on the method SPI, which itself hands
 * out a {@link FineTuner} ({@link org.vivarium.api.method.MethodContext#fineTuner()}).
 */
@ConsumerType
public interface TrainingProgress {
    /**
     * Records finished work.
     *
     * @param units units done since the last call
     */
    void advance(long units);

    /**
     * Shows a metric next to the bar, e.g. {@code loss=2.31}.
     *
     * @param name metric name
     * @param value current value
     */
    void metric(String name, double value);
}
