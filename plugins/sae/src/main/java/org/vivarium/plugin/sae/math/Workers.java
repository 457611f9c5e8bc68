package org.vivarium.plugin.sae.math;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs {@code parts} numbered tasks in parallel and waits for all of them: part 0 on the calling thread,
 * the others on a fixed pool of {@code threads - 1} daemon threads. Work is split by part number, never by
 * timing, so results do not depend on scheduling.
 */
public final class Workers implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    /**
     * @param threads worker threads; 1 runs everything on the caller's thread
     */
    public Workers(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "sae-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the number of threads (the natural number of parts) */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task.accept(p)} for {@code p = 0 .. parts-1}, in parallel, and waits.
     *
     * @param parts the number of tasks
     * @param task the work of one part
     * @throws RuntimeException the first failure of any part
     */
    public void run(int parts, IntConsumer task) {
        if (pool == null || parts == 1) {
            for (int p = 0; p < parts; p++) {
                task.accept(p);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(parts);
        for (int p = 1; p < parts; p++) {
            int part = p;
            futures.add(pool.submit(() -> task.accept(part)));
        }
        RuntimeException first = null;
        try {
            task.accept(0);
        } catch (RuntimeException e) {
            first = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (first == null) {
                    first = c instanceof RuntimeException ? (RuntimeException) c : new IllegalStateException(c);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for SAE workers", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Returns the first index of part {@code p} when {@code n} items are split into {@code parts} ranges.
     *
     * @param n items
     * @param parts ranges
     * @param p the part, {@code 0..parts} ({@code parts} gives {@code n})
     * @return the range start
     */
    public static int split(int n, int parts, int p) {
        return (int) ((long) n * p / parts);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
