package org.vivarium.plugin.sae.cli;

import java.util.Optional;

/**
 * The note {@code viv sae train} and {@code viv sae bench} print when their Java workers and a multi-threaded native
 * BLAS would share too few cores: on 2 idle cores, 2 workers ran at 76-81k tokens/s with one native thread and at
 * 59-63k with two (docs/PERFORMANCE.md, 2026-12-04). Both the products and the workers' sparse pass slowed down; the
 * likely cause, not profiled, is BLAS threads spinning between products on the cores the workers need.
 */
final class ThreadHint {
    private ThreadHint() {
    }

    /**
     * @param workers Java worker threads
     * @param nativeThreads the linear-algebra library's native threads
     * @param cores available processors
     * @return the note, if workers and native threads together outnumber the cores
     */
    static Optional<String> of(int workers, int nativeThreads, int cores) {
        if (workers < 2 || nativeThreads < 2 || workers * nativeThreads <= cores) {
            return Optional.empty();
        }
        return Optional.of(String.format("note: %d worker threads and %d native BLAS threads share %d core(s); on 2"
                + " cores SAE training ran 1.2-1.4x faster with OMP_NUM_THREADS=1 (or -Dvivarium.nd4j.threads=1 in"
                + " VIV_JAVA_OPTS)", workers, nativeThreads, cores));
    }
}
