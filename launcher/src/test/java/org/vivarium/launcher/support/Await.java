package org.vivarium.launcher.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition, for changes the plugin watcher makes on its own thread. */
public final class Await {

    private Await() {
    }

    /**
     * @param condition the condition
     * @param timeout how long to wait at most
     * @return whether the condition became true in time
     */
    public static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /**
     * Sleeps through a few watcher polls, to check that nothing more happens.
     *
     * @param time how long
     */
    public static void quietFor(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
