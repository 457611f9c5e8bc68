package org.vivarium.testkit;

import org.vivarium.api.train.TrainingProgress;

/** A {@link TrainingProgress} that shows nothing, for fine-tunes inside tests. */
public final class QuietTraining implements TrainingProgress {
    /** The one instance. */
    public static final QuietTraining INSTANCE = new QuietTraining();

    private QuietTraining() {
    }

    @Override
    public void advance(long units) {
    }

    @Override
    public void metric(String name, double value) {
    }
}
