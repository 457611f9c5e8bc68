package org.vivarium.plugin.emfinetune;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.train.FineTuner;
import org.vivarium.runtime.DjlModelRuntime;
import org.vivarium.runtime.finetune.DjlFineTuner;

/**
 * A {@link MethodContext} for tests: the real DJL runtime and fine-tuner, captured output, and each finished
 * progress display recorded as {@code label done/total unit}.
 */
public final class TestMethodContext implements MethodContext {
    private final DjlModelRuntime runtime;
    private final Path workDir;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final List<String> progressLog = new ArrayList<>();

    /**
     * @param runtime the model runtime
     * @param workDir where relative paths resolve
     */
    public TestMethodContext(DjlModelRuntime runtime, Path workDir) {
        this.runtime = runtime;
        this.workDir = workDir;
    }

    @Override
    public ModelRuntime runtime() {
        return runtime;
    }

    @Override
    public FineTuner fineTuner() {
        return new DjlFineTuner(runtime);
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
        return new Progress() {
            private long done;

            @Override
            public void advance(long units) {
                done += units;
            }

            @Override
            public void metric(String name, double value) {
                // drawn next to the bar by real hosts
            }

            @Override
            public void close() {
                progressLog.add(label + " " + done + "/" + total + " " + unit);
            }
        };
    }

    /** @return everything printed so far */
    public String output() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** @return finished progress displays, in order */
    public List<String> progressLog() {
        return List.copyOf(progressLog);
    }
}
