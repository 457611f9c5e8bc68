package org.vivarium.launcher.method;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.ModelRuntime;

/**
 * The {@link MethodContext} the launcher hands a plugin command: the host's (lazily created) model
 * runtime, the command's output stream, the working directory and a progress factory.
 */
public final class HostMethodContext implements MethodContext {

    private final Supplier<ModelRuntime> runtime;
    private final PrintStream out;
    private final Path workDir;
    private final ProgressFactory progress;

    /**
     * @param runtime supplies the model runtime; called only when the command asks for it
     * @param out where results go
     * @param workDir the directory relative paths resolve against
     * @param progress creates progress displays
     */
    public HostMethodContext(Supplier<ModelRuntime> runtime, PrintStream out, Path workDir, ProgressFactory progress) {
        this.runtime = runtime;
        this.out = out;
        this.workDir = workDir;
        this.progress = progress;
    }

    @Override
    public ModelRuntime runtime() {
        return runtime.get();
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
