package org.vivarium.launcher.audit;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.checkpoint.Provenances;

/**
 * What a benchmark was run with, for the top of a leaderboard: the command line, the seeds and steps, the code
 * version, and the machine's load and thread settings at the start and the end (timings on a shared machine mean
 * little without them).
 *
 * @param command the command line
 * @param seeds the seeds
 * @param steps training steps asked for (0 = the organism's default)
 * @param codeVersion Vivarium's version and commit
 * @param startedAt ISO-8601 start
 * @param loadStart the 1-minute load average at the start (-1 where the OS does not tell)
 * @param loadEnd the same at the end
 * @param threads processors, JVM threads and the thread settings of the numeric libraries
 * @param startNanos {@link System#nanoTime()} at the start
 * @param wallSeconds wall-clock seconds from start to end (NaN until finished)
 * @param prepareSeconds of those, the seconds spent training (or checking reused) organisms
 */
record RunHeader(String command, List<Long> seeds, int steps, String codeVersion, String startedAt, double loadStart,
        double loadEnd, Map<String, String> threads, long startNanos, double wallSeconds, double prepareSeconds) {

    /**
     * Captures the start.
     *
     * @param command the command line
     * @param seeds the seeds
     * @param steps the steps
     * @param env the process environment (for thread settings such as {@code OMP_NUM_THREADS})
     * @return the header, its end not yet measured
     */
    static RunHeader start(String command, List<Long> seeds, int steps, Map<String, String> env) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("available_processors", String.valueOf(Runtime.getRuntime().availableProcessors()));
        t.put("jvm_threads_at_start", String.valueOf(ManagementFactory.getThreadMXBean().getThreadCount()));
        for (String v : new String[] {"OMP_NUM_THREADS", "MKL_NUM_THREADS"}) {
            t.put(v, env.getOrDefault(v, "unset"));
        }
        for (String p : new String[] {"ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads"}) {
            t.put(p, System.getProperty(p, "unset"));
        }
        return new RunHeader(command, List.copyOf(seeds), steps, Provenances.codeVersion(), Instant.now().toString(),
                load(), Double.NaN, t, System.nanoTime(), Double.NaN, Double.NaN);
    }

    /**
     * Measures the end.
     *
     * @param prepareSeconds seconds spent training or reusing the seeds' organisms
     * @return a copy with the load average, the JVM's peak thread count and the wall-clock time at the end
     */
    RunHeader finished(double prepareSeconds) {
        Map<String, String> t = new LinkedHashMap<>(threads);
        t.put("jvm_threads_peak", String.valueOf(ManagementFactory.getThreadMXBean().getPeakThreadCount()));
        return new RunHeader(command, seeds, steps, codeVersion, startedAt, loadStart, load(), t, startNanos,
                (System.nanoTime() - startNanos) / 1e9, prepareSeconds);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
