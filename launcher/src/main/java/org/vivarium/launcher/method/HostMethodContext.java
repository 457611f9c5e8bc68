package org.vivarium.launcher.method;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.train.FineTuner;
import org.vivarium.cache.MapDbActivationCache;
import org.vivarium.linalg.nd4j.Nd4jLinearAlgebra;

/**
 * The {@link MethodContext} the launcher hands a plugin command: the host's (lazily created) model
 * runtime and fine-tuner, the MapDB activation cache, the ND4J linear-algebra service, the command's output stream, the working directory and a
 * progress factory.
 */
public final class HostMethodContext implements MethodContext {

    private final Supplier<ModelRuntime> runtime;
    private final Supplier<FineTuner> fineTuner;
    private final PrintStream out;
    private final Path workDir;
    private final ProgressFactory progress;

    /**
     * Creates a context whose fine-tuner is the supplied runtime's ({@link ModelRuntime#fineTuner()}, the same
     * service {@code VivariumHost} registers).
     *
     * @param runtime supplies the model runtime; called only when the command asks for it
     * @param out where results go
     * @param workDir the directory relative paths resolve against
     * @param progress creates progress displays
     */
    public HostMethodContext(Supplier<ModelRuntime> runtime, PrintStream out, Path workDir, ProgressFactory progress) {
        this(runtime, () -> runtime.get().fineTuner(), out, workDir, progress);
    }

    /**
     * @param runtime supplies the model runtime; called only when the command asks for it
     * @param fineTuner supplies the fine-tuning service, e.g. {@code host::fineTuner}; called only when asked for
     * @param out where results go
     * @param workDir the directory relative paths resolve against
     * @param progress creates progress displays
     */
    public HostMethodContext(Supplier<ModelRuntime> runtime, Supplier<FineTuner> fineTuner, PrintStream out,
            Path workDir, ProgressFactory progress) {
        this.runtime = runtime;
        this.fineTuner = fineTuner;
        this.out = out;
        this.workDir = workDir;
        this.progress = progress;
    }

    @Override
    public ModelRuntime runtime() {
        return runtime.get();
    }

    /**
     * Returns the host's fine-tuner.
     *
     * @return the fine-tuner
     * @throws org.vivarium.api.VivariumException if the host's runtime cannot fine-tune
     */
    @Override
    public FineTuner fineTuner() {
        return fineTuner.get();
    }

    /**
     * Opens a MapDB activation cache store, as {@code viv cache} does.
     *
     * @param store the store directory, e.g. {@code runs/cache}
     * @return the open cache, owned by the caller
     * @throws org.vivarium.api.VivariumException if the store is corrupt, from a newer Vivarium or open elsewhere
     */
    @Override
    public ActivationCache openCache(Path store) {
        return MapDbActivationCache.open(store);
    }

    /**
     * Returns the JVM's ND4J / Deeplearning4j service, the one {@code VivariumHost} registers; its native backend
     * loads on the first call.
     *
     * @return the linear-algebra service
     */
    @Override
    public LinearAlgebra linearAlgebra() {
        return Nd4jLinearAlgebra.shared();
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public Progress progress(String label, long total, String unit) {
        return progress.start(label, total, unit);
    }
}
