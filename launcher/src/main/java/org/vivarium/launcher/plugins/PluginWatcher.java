package org.vivarium.launcher.plugins;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls the plugin directory on a daemon thread and lets the {@link PluginManager} reconcile what it
 * finds: new jars are installed, replaced jars updated, removed jars uninstalled, and start/stop marks
 * written by another {@code viv} process applied.
 */
final class PluginWatcher implements AutoCloseable {

    private final ScheduledExecutorService executor;

    /**
     * Starts polling.
     *
     * @param poll the action run every interval; its exceptions are swallowed so polling continues
     * @param interval the polling interval
     */
    PluginWatcher(Runnable poll, Duration interval) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vivarium-plugin-watcher");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                poll.run();
            } catch (RuntimeException e) {
                // a transient file-system error; the next poll retries
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops polling and waits for a running poll to finish. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
