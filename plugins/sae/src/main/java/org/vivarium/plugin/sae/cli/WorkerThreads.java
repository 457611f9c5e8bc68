package org.vivarium.plugin.sae.cli;

import java.util.Optional;

/**
 * How many Java workers {@code viv sae train} and {@code viv sae bench} use by default, and the note they print when
 * workers and a multi-threaded native BLAS would share too few cores. On 2 idle cores (docs/PERFORMANCE.md,
 * 2026-12-04) 2 workers on 2 native threads were the slowest setting in every round: 39-63k tokens/s, against 55-85k
 * for 1 worker on 2 native threads and 57-81k for 2 workers on 1. Both the products and the workers' sparse pass
 * slowed down; the likely cause, not profiled, is BLAS threads spinning between products on the cores the workers
 * need. So the default keeps workers times native threads within the cores.
 */
final class WorkerThreads {
    /** The most workers used by default. */
    static final int MAX_DEFAULT = 2;

    private WorkerThreads() {
    }

    /**
     * @param nativeThreads the linear-algebra library's native threads
     * @param cores available processors
     * @return {@code cores / nativeThreads}, clamped to {@code [1, MAX_DEFAULT]}
     */
    static int byDefault(int nativeThreads, int cores) {
        return Math.max(1, Math.min(MAX_DEFAULT, cores / Math.max(1, nativeThreads)));
    }

    /**
     * @param workers Java worker threads
     * @param nativeThreads the linear-algebra library's native threads
     * @param cores available processors
     * @return the note, if workers and native threads together outnumber the cores
     */
    static Optional<String> note(int workers, int nativeThreads, int cores) {
        if (workers < 2 || nativeThreads < 2 || workers * nativeThreads <= cores) {
            return Optional.empty();
        }
        return Optional.of(String.format("note: %d worker threads and %d native BLAS threads share %d core(s); on 2"
                + " cores this was the slowest setting (1.2-2.2x slower): use --threads 1, or OMP_NUM_THREADS=1 (or"
                + " -Dvivarium.nd4j.threads=1 in VIV_JAVA_OPTS)", workers, nativeThreads, cores));
    }
}
