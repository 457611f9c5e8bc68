package org.vivarium.linalg.nd4j;

import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vivarium.api.VivariumException;

/**
 * Starts ND4J once per JVM with an explicit thread count: the system property {@value #PROPERTY}, else the
 * environment's {@code OMP_NUM_THREADS}, else the number of processors. The count is applied to ND4J's OpenMP pool
 * and to OpenBLAS, so ND4J and PyTorch (set with {@code ai.djl.pytorch.num_threads}) can share two cores without
 * oversubscribing them.
 */
final class NativeThreads {
    /** The system property that sets ND4J's thread count. */
    static final String PROPERTY = "vivarium.nd4j.threads";

    private static final Logger LOG = LoggerFactory.getLogger(NativeThreads.class);
    private static volatile int started;

    private NativeThreads() {
    }

    /**
     * Loads the ND4J backend on first call (with this class's loader as the context class loader, so the backend's
     * service lookup never sees a plugin bundle's loader) and applies the thread count.
     *
     * @return the thread count in use
     */
    static int ensureStarted() {
        int n = started;
        if (n > 0) {
            return n;
        }
        synchronized (NativeThreads.class) {
            if (started > 0) {
                return started;
            }
            int threads = threadCount(System.getProperty(PROPERTY), System.getenv());
            long t0 = System.nanoTime();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(NativeThreads.class.getClassLoader());
            try {
                Nd4j.getEnvironment().setMaxThreads(threads);
                Nd4j.getEnvironment().setMaxMasterThreads(threads);
                Nd4j.factory().blas().setMaxThreads(threads);
            } catch (RuntimeException | LinkageError e) {
                throw new VivariumException("the ND4J native backend failed to load: " + e,
                        "check that nd4j-native (linux-x86_64) and openblas are in lib/ and that the JavaCPP cache "
                                + "(-Dorg.bytedeco.javacpp.cachedir, default ~/.javacpp/cache) is writable", e);
            } finally {
                thread.setContextClassLoader(previous);
            }
            LOG.debug("ND4J backend {} ready on {} threads in {} ms", Nd4j.getBackend().getClass().getSimpleName(),
                    threads, (System.nanoTime() - t0) / 1_000_000);
            started = threads;
            return threads;
        }
    }

    /**
     * Works out the thread count.
     *
     * @param property the value of {@value #PROPERTY}, or null
     * @param env the process environment
     * @return a count {@code >= 1}
     * @throws VivariumException if the property or {@code OMP_NUM_THREADS} is set but not a positive integer
     */
    static int threadCount(String property, Map<String, String> env) {
        if (property != null && !property.isBlank()) {
            return positive(property, "-D" + PROPERTY);
        }
        String omp = env.get("OMP_NUM_THREADS");
        if (omp != null && !omp.isBlank()) {
            return positive(omp, "OMP_NUM_THREADS");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static int positive(String text, String name) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new VivariumException(name + " must be a whole number >= 1, got \"" + text + "\"",
                "set e.g. " + name + "=1");
    }
}
