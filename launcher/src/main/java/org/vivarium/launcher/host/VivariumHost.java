package org.vivarium.launcher.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.train.FineTuneRequest;
import org.vivarium.api.train.FineTuneResult;
import org.vivarium.api.train.FineTuner;
import org.vivarium.api.train.TrainingProgress;
import org.vivarium.launcher.plugins.PluginManager;
import org.vivarium.linalg.nd4j.Nd4jLinearAlgebra;

/**
 * The running platform: an embedded Felix framework that exports the platform API, runs Declarative
 * Services, publishes the {@link ModelRuntime} and the {@link FineTuner} (the runtime's own,
 * {@link ModelRuntime#fineTuner()}), the {@link LinearAlgebra} service (ND4J and Deeplearning4j on the host classpath,
 * loaded on first use) and hosts the method plugins of one plugin directory.
 *
 * <pre>{@code
 * try (VivariumHost host = new VivariumHost(HostOptions.forHome(home), DjlModelRuntime::new)) {
 *     host.start();
 *     host.methods().forEach(m -> System.out.println(m.name()));
 *     host.plugins().startWatching();          // hot install/update/removal while running
 * }
 * }</pre>
 *
 * <p>{@link #close()} always stops the framework, so a failure after start never leaves Felix threads
 * keeping the JVM alive.
 */
public final class VivariumHost implements AutoCloseable {

    private static final long STOP_TIMEOUT_MS = 10_000;

    private final HostOptions options;
    private final LazyRuntimeFactory runtime;
    private final FineTuner fineTuner = this::fineTune;
    private Framework framework;
    private Path storage;
    private MethodRegistry methods;
    private PluginManager plugins;
    private LazyContextIndex contextIndex;

    /**
     * Creates a host; nothing runs until {@link #start()}.
     *
     * @param options bundle locations, plugin directory and event listener
     * @param runtime creates the model runtime the first time a plugin or command needs it
     */
    public VivariumHost(HostOptions options, Supplier<ModelRuntime> runtime) {
        this.options = options;
        this.runtime = new LazyRuntimeFactory(runtime);
    }

    /**
     * Starts Felix, the core bundles and every plugin in the plugin directory that is not marked
     * stopped. Broken plugins are reported through the listener; they never fail the start.
     *
     * @throws org.vivarium.api.VivariumException if the core bundles are missing or broken
     * @throws IllegalStateException if the host was already started
     */
    public synchronized void start() {
        if (framework != null) {
            throw new IllegalStateException("the host is already started");
        }
        storage = CacheDirectory.create(options.storageRoot());
        framework = new FrameworkFactory().newFramework(FrameworkConfig.properties(storage, options.debug()));
        try {
            framework.start();
            BundleContext context = framework.getBundleContext();
            context.registerService(ModelRuntime.class, runtime, new Hashtable<>());
            context.registerService(FineTuner.class, fineTuner, new Hashtable<>());
            context.registerService(LinearAlgebra.class, Nd4jLinearAlgebra.shared(), new Hashtable<>());
            contextIndex = new LazyContextIndex(Path.of("runs", "index").toAbsolutePath());
            context.registerService(org.vivarium.api.index.ContextIndex.class, contextIndex, new Hashtable<>());
            methods = new MethodRegistry(context);
            methods.open();
            CoreBundles.installAndStart(context, options.coreBundles());
            plugins = new PluginManager(context, options.pluginsDir(), options.listener(), methods::methodNamesOf);
            plugins.loadAll();
        } catch (BundleException e) {
            close();
            throw new IllegalStateException("the OSGi framework failed to start: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** @return the methods plugins currently provide, sorted by name */
    public List<MethodInfo> methods() {
        return requireStarted().methods();
    }

    /**
     * Finds a method by name.
     *
     * @param name the method name
     * @return the method, if a plugin provides it
     */
    public Optional<MethodInfo> method(String name) {
        return requireStarted().method(name);
    }

    /** @return the plugin manager for the plugin directory */
    public synchronized PluginManager plugins() {
        requireStarted();
        return plugins;
    }

    /** @return the model runtime, created on first use */
    public ModelRuntime runtime() {
        return runtime.get();
    }

    /** @return the fine-tuning service; the model runtime is created when the first fine-tune runs */
    public FineTuner fineTuner() {
        return fineTuner;
    }

    private FineTuneResult fineTune(FineTuneRequest request, TrainingProgress progress) {
        return runtime.get().fineTuner().fineTune(request, progress);
    }

    /** @return the system bundle context, for host-side services such as a web server */
    public synchronized BundleContext bundleContext() {
        requireStarted();
        return framework.getBundleContext();
    }

    private synchronized MethodRegistry requireStarted() {
        if (methods == null) {
            throw new IllegalStateException("the host is not started");
        }
        return methods;
    }

    /** Stops the plugin watcher and the framework, waiting for Felix's threads to end. Idempotent. */
    @Override
    public synchronized void close() {
        if (plugins != null) {
            plugins.close();
            plugins = null;
        }
        if (methods != null) {
            methods.close();
            methods = null;
        }
        if (contextIndex != null) {
            contextIndex.shutdown();
            contextIndex = null;
        }
        if (framework != null) {
            try {
                framework.stop();
                framework.waitForStop(STOP_TIMEOUT_MS);
            } catch (BundleException e) {
                // stopping failed half-way; nothing more we can do than drop the reference
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                framework = null;
            }
        }
        if (storage != null) {
            try {
                CacheDirectory.deleteTree(storage);
            } catch (IOException e) {
                // a stale cache is removed by the next start
            }
            storage = null;
        }
    }
}
