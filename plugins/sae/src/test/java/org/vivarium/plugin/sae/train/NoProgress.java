package org.vivarium.plugin.sae.train;

import org.vivarium.api.method.Progress;

/** A progress sink for tests that counts the units advanced. */
final class NoProgress implements Progress {
    long units;

    @Override
    public void advance(long n) {
        units += n;
    }

    @Override
    public void metric(String name, double value) {
        // not displayed in tests
    }

    @Override
    public void close() {
        // nothing to finish
    }
}
