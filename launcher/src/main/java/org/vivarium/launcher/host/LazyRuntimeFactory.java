package org.vivarium.launcher.host;

import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.vivarium.api.model.ModelRuntime;

/**
 * Publishes the {@link ModelRuntime} as a service without creating it: the supplier runs the first
 * time a plugin (or the host) asks for it, with the launcher's class loader as the thread context
 * loader, so DJL's {@code ServiceLoader} engine discovery never sees a bundle class loader.
 */
public final class LazyRuntimeFactory implements ServiceFactory<ModelRuntime>, Supplier<ModelRuntime>, AutoCloseable {

    private final Supplier<ModelRuntime> supplier;
    private volatile ModelRuntime runtime;

    /**
     * Wraps a runtime supplier.
     *
     * @param supplier creates the runtime; called at most once (unless it throws)
     */
    public LazyRuntimeFactory(Supplier<ModelRuntime> supplier) {
        this.supplier = supplier;
    }

    /**
     * Returns the runtime, creating it on first use.
     *
     * @return the runtime
     */
    @Override
    public ModelRuntime get() {
        ModelRuntime current = runtime;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (runtime == null) {
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(LazyRuntimeFactory.class.getClassLoader());
                try {
                    runtime = supplier.get();
                } finally {
                    thread.setContextClassLoader(previous);
                }
            }
            return runtime;
        }
    }

    /**
     * Closes the runtime if it was created and can be closed (freeing its native memory); the next {@link #get()}
     * creates a new one. Call it only when no model it loaded is in use any more.
     */
    @Override
    public synchronized void close() {
        if (runtime instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the model runtime failed: " + e.getMessage(), e);
            }
        }
        runtime = null;
    }

    @Override
    public ModelRuntime getService(Bundle bundle, ServiceRegistration<ModelRuntime> registration) {
        return get();
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<ModelRuntime> registration, ModelRuntime service) {
        // the runtime is shared by all bundles and lives as long as the host
    }
}
