package org.vivarium.testkit;

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
import org.vivarium.api.linalg.LinearAlgebra;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.Method;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.api.method.Progress;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.api.train.FineTuner;
import org.vivarium.cache.MapDbActivationCache;
import org.vivarium.cli.CommandParser;

/**
 * A {@link MethodContext} without the OSGi host: a model runtime (by default the JVM's {@link TestRuntime}), the
 * DJL fine-tuner over it, the host's ND4J linear-algebra service ({@link TestLinearAlgebra}), output captured in memory, and every finished progress display recorded as
 * {@code label done/total unit}. Plugin tests use it to run commands and auditors against real models:
 *
 * <pre>{@code
 * LocalMethodContext ctx = LocalMethodContext.in(workDir);
 * assertEquals(0, ctx.run(new MyMethod(), "fit", "runs/lm", "--data", "vowels.tsv"));
 * assertEquals(List.of("mine: reading 12/12 prompt"), ctx.progressLog());
 * assertTrue(ctx.output().contains("wrote probes.json"));
 * }</pre>
 *
 * <p>A context is cheap: make a fresh one per command when a test looks at what that command printed.
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
     * {@code MapDbActivationCache::open}).
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

    /**
     * A context over the shared {@link TestRuntime}, without an activation cache.
     *
     * @param workDir where relative paths resolve (usually a JUnit {@code @TempDir})
     * @return the context
     */
    public static LocalMethodContext in(Path workDir) {
        return new LocalMethodContext(TestRuntime.shared(), workDir);
    }

    /**
     * A context over the shared {@link TestRuntime} whose {@link #openCache} opens real MapDB activation caches,
     * as {@code viv cache} writes them (e.g. {@code workDir/runs/cache}).
     *
     * @param workDir where relative paths resolve
     * @return the context
     */
    public static LocalMethodContext withCache(Path workDir) {
        return new LocalMethodContext(TestRuntime.shared(), workDir, MapDbActivationCache::open);
    }

    /**
     * Runs one command of a method in this context, as {@code viv METHOD COMMAND args} would.
     *
     * @param method the method
     * @param command the command's name
     * @param args its arguments
     * @return the command's exit code
     * @throws IllegalArgumentException if the method has no such command (the message lists its commands)
     * @throws Exception whatever the command throws
     */
    public int run(Method method, String command, String... args) throws Exception {
        MethodCommand c = command(method, command);
        return c.run(CommandParser.parse(List.of(args), c.options(), usage(method.name() + " " + c.name(), c)), this);
    }

    /**
     * Runs a command in this context, its arguments parsed against its options by the host's picocli parser.
     *
     * @param command the command
     * @param args its arguments
     * @return the command's exit code
     * @throws org.vivarium.api.VivariumException for arguments the host would refuse, with the usage
     * @throws Exception whatever the command throws
     */
    public int run(MethodCommand command, String... args) throws Exception {
        return command.run(parse(command, args), this);
    }

    /**
     * Parses arguments against a command's options exactly as the host does.
     *
     * @param command the command
     * @param args its arguments
     * @return the parsed input
     * @throws org.vivarium.api.VivariumException for arguments the host would refuse, with the usage
     */
    public static CommandInput parse(MethodCommand command, String... args) {
        return CommandParser.parse(List.of(args), command.options(), usage(command.name(), command));
    }

    private static String usage(String words, MethodCommand command) {
        String usage = command.usage() == null ? "" : command.usage().strip();
        return usage.startsWith("viv ") ? usage : (words + " " + usage).strip();
    }

    /**
     * Finds a command of a method by name.
     *
     * @param method the method
     * @param name the command's name
     * @return the command
     * @throws IllegalArgumentException if there is none (the message lists the method's commands)
     */
    public static MethodCommand command(Method method, String name) {
        return method.commands().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("method " + method.name() + " has no command " + name
                        + "; it has " + method.commands().stream().map(MethodCommand::name).toList()));
    }

    @Override
    public ModelRuntime runtime() {
        return runtime;
    }

    @Override
    public FineTuner fineTuner() {
        return runtime.fineTuner();
    }

    @Override
    public ActivationCache openCache(Path store) {
        if (cacheOpener == null) {
            throw new VivariumException("this context was made without an activation cache",
                    "make it with LocalMethodContext.withCache(workDir)");
        }
        return cacheOpener.apply(store);
    }

    @Override
    public LinearAlgebra linearAlgebra() {
        return TestLinearAlgebra.shared();
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
        return new RecordingProgress() {
            @Override
            public void close() {
                super.close();
                progressLog.add(label + " " + units() + "/" + total + " " + unit);
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
