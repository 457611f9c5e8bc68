package org.vivarium.runtime.nd;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.vivarium.api.VivariumException;

/**
 * Starts DJL's PyTorch engine offline, with the thread-context class loader pinned to DJL's own
 * loader so that engine discovery works inside an OSGi host (see STACK-NOTES, "TCCL pitfall").
 */
public final class DjlEngine {
    private DjlEngine() {
    }

    /**
     * Returns the engine, initialising it once per JVM (DJL keeps it in static state).
     *
     * @return the PyTorch engine
     * @throws VivariumException if the native library cannot be loaded
     */
    public static Engine get() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        try {
            t.setContextClassLoader(Engine.class.getClassLoader());
            return Engine.getEngine("PyTorch");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new VivariumException("cannot start the PyTorch engine: " + e.getMessage(),
                    "check that pytorch-native-cpu is on the classpath and DJL_CACHE_DIR is writable", e);
        } finally {
            t.setContextClassLoader(old);
        }
    }

    /**
     * Creates a new root manager on the CPU.
     *
     * @return a manager; close it to free native memory
     */
    public static NDManager newManager() {
        return get().newBaseManager();
    }

    /**
     * Describes the engine for logs and provenance.
     *
     * @return e.g. {@code DJL PyTorch 2.7.1 (cpu)}
     */
    public static String describe() {
        Engine e = get();
        return "DJL " + Engine.getDjlVersion() + " / " + e.getEngineName() + " " + e.getVersion() + " (cpu)";
    }
}
