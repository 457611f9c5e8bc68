package org.vivarium.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vivarium.api.method.Progress;

/**
 * A {@link Progress} that shows nothing and remembers what it was told: the units advanced, the last value of
 * each metric, and whether it was closed. Hand it to code that takes a progress when a test has no
 * {@link LocalMethodContext} (or wants to check the counts):
 *
 * <pre>{@code
 * RecordingProgress p = new RecordingProgress();
 * trainer.train(data, p);
 * assertEquals(400, p.units());
 * assertTrue(p.metrics().get("loss") < 1.0);
 * }</pre>
 */
public class RecordingProgress implements Progress {
    private long units;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private boolean closed;

    @Override
    public synchronized void advance(long n) {
        units += n;
    }

    @Override
    public synchronized void metric(String name, double value) {
        metrics.put(name, value);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** @return the units advanced so far */
    public synchronized long units() {
        return units;
    }

    /** @return the last value of each metric, in the order first shown */
    public synchronized Map<String, Double> metrics() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** @return whether {@link #close()} was called */
    public synchronized boolean closed() {
        return closed;
    }
}
