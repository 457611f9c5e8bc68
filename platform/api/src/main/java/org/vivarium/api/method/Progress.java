package org.vivarium.api.method;

import org.osgi.annotation.versioning.ProviderType;
import org.vivarium.api.train.TrainingProgress;

/**
 * A running progress display: a bar with rate and ETA, plus named metrics such as the loss. It is the
 * {@link TrainingProgress} a {@link org.vivarium.api.train.FineTuner} reports to.
 */
@ProviderType
public interface Progress extends TrainingProgress, AutoCloseable {
    /**
     * Records finished work.
     *
     * @param units units done since the last call
     */
    @Override
    void advance(long units);

    /**
     * Shows a metric next to the bar, e.g. {@code loss=2.31}.
     *
     * @param name metric name
     * @param value current value
     */
    @Override
    void metric(String name, double value);

    /** Finishes the display with a summary line. */
    @Override
    void close();
}
