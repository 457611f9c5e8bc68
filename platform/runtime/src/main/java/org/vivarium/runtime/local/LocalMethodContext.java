package org.vivarium.runtime.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.vivarium.api.VivariumException;
import org.vivarium.api.cache.ActivationCache;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.train.FineTuner;
import org.vivarium.runtime.finetune.DjlFineTuner;

/**
 * A {@link MethodContext} without the OSGi host: the given model runtime, the DJL fine-tuner over it, output
 * captured in memory, and every finished progress display recorded as {@code label done/total unit}. Plugin
 * tests use it to run commands and auditors against real models:
 *
 * <pre>{@code
 * LocalMethodContext ctx = new LocalMethodContext(new DjlModelRuntime(), workDir);
 * new MyAuditor().audit(target, ctx);
 * assertEquals(List.of("mine: reading 12/12 prompt"), ctx.progressLog());
 * }</pre>
 */
public final class LocalMethodContext implements MethodContext {
    private final ModelRuntime runtime;
    private final Path workDir;
    private final Function<Path, ActivationCache> cacheOpener;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final List<String> progressLog = Collections.synchronizedList(new ArrayList<>());

    /**
     * Creates a context with no activation cache.
     *
     * @param runtime the model runtime (the fine-tuner needs the DJL one)
     * @param workDir where relative paths resolve
     */
    public LocalMethodContext(ModelRuntime runtime, Path workDir) {
        this(runtime, workDir, null);
    }

    /**
     * Creates a context that opens activation caches with the given function (e.g.
     * {@code MapDbActivationCache::open} from vivarium-cache).
     *
     * @param runtime the model runtime
     * @param workDir where relative paths resolve
     * @param cacheOpener opens a cache store directory, or null for none
     */
    public LocalMethodContext(ModelRuntime runtime, Path workDir, Function<Path, ActivationCache> cacheOpener) {
        this.runtime = runtime;
        this.workDir = workDir;
        this.cacheOpener = cacheOpener;
    }

    @Override
    public ModelRuntime runtime() {
        return runtime;
    }

    @Override
    public FineTuner fineTuner() {
        return DjlFineTuner.of(runtime);
    }

    @Override
    public ActivationCache openCache(Path store) {
        if (cacheOpener == null) {
            throw new VivariumException("this context was made without an activation cache",
                    "construct LocalMethodContext with a cache opener, e.g. MapDbActivationCache::open");
        }
        return cacheOpener.apply(store);
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
                // a host draws metrics next to the bar; nothing to draw here
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
        synchronized (progressLog) {
            return List.copyOf(progressLog);
        }
    }
}
