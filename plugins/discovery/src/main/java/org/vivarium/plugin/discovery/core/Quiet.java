package org.vivarium.plugin.discovery.core;

import org.vivarium.api.method.Progress;

/** A progress that shows nothing, for passes too short to report. */
public final class Quiet implements Progress {
    /** The instance. */
    public static final Progress PROGRESS = new Quiet();

    private Quiet() {
    }

    @Override
    public void advance(long units) {
        // nothing to show
    }

    @Override
    public void metric(String name, double value) {
        // nothing to show
    }

    @Override
    public void close() {
        // nothing to close
    }
}
