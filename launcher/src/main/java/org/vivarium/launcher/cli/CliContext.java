package org.vivarium.launcher.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vivarium.api.VivariumException;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.launcher.host.HostOptions;
import org.vivarium.launcher.host.LazyRuntimeFactory;
import org.vivarium.launcher.host.VivariumHost;
import org.vivarium.launcher.plugins.PluginEvent;
import org.vivarium.launcher.plugins.PluginListener;

/**
 * What a {@link CliCommand} gets: the streams, the home directory, the list of commands, and the
 * {@link VivariumHost}, started on first use and stopped when the command ends.
 *
 * <p>By default only broken-plugin lines reach {@link #err()}, as {@code error:} lines and only the first time a
 * {@code viv} run meets that problem of that jar ({@code viv plugin list} shows them all); a command that wants every plugin
 * event (like {@code viv plugin watch}) calls {@link #onPluginEvents} before {@link #host()}.
 */
public final class CliContext implements AutoCloseable {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Optional<Path> home;
    private final boolean debug;
    private final List<CliCommand> commands;
    private final LazyRuntimeFactory runtime;
    private final Map<String, String> env;
    private volatile PluginListener pluginListener;
    private VivariumHost host;

    /**
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @param home the home directory, if one was named
     * @param debug whether {@code --debug} was given
     * @param commands all top-level commands, for help and error messages
     * @param runtime creates the model runtime on first use
     */
    public CliContext(InputStream in, PrintStream out, PrintStream err, Optional<Path> home, boolean debug,
                      List<CliCommand> commands, Supplier<ModelRuntime> runtime) {
        this(in, out, err, home, debug, commands, runtime, Map.of());
    }

    /**
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @param home the home directory, if one was named
     * @param debug whether {@code --debug} was given
     * @param commands all top-level commands, for help and error messages
     * @param runtime creates the model runtime on first use; called at most once, the runtime is closed with the
     *     context
     * @param env the process environment the command sees (e.g. {@code VIV_SEAL_KEY})
     */
    public CliContext(InputStream in, PrintStream out, PrintStream err, Optional<Path> home, boolean debug,
                      List<CliCommand> commands, Supplier<ModelRuntime> runtime, Map<String, String> env) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.home = home;
        this.debug = debug;
        this.commands = List.copyOf(commands);
        this.runtime = new LazyRuntimeFactory(runtime);
        this.env = Map.copyOf(env);
        this.pluginListener = event -> {
            if (event.isFailure() && !event.repeated()) {
                err.println("error: " + event.line());
            }
        };
    }

    /** @return standard input */
    public InputStream in() {
        return in;
    }

    /** @return where results go */
    public PrintStream out() {
        return out;
    }

    /** @return where errors and progress go */
    public PrintStream err() {
        return err;
    }

    /** @return whether {@code --debug} was given */
    public boolean debug() {
        return debug;
    }

    /** @return all top-level commands, in registration order */
    public List<CliCommand> commands() {
        return commands;
    }

    /** @return the process environment, as given to {@code Viv.run} */
    public Map<String, String> env() {
        return env;
    }

    /** @return the directory relative paths on the command line resolve against */
    public Path workDir() {
        return Path.of("").toAbsolutePath();
    }

    /**
     * @return the Vivarium home directory
     * @throws VivariumException if none was named or it does not exist
     */
    public Path home() {
        Path dir = home.orElseThrow(() -> new VivariumException("no Vivarium home directory is set",
                "pass --home DIR, set " + HomeLocator.ENV + ", or run the installed bin/viv"));
        if (!Files.isDirectory(dir)) {
            throw new VivariumException("the Vivarium home " + dir + " does not exist",
                    "pass --home with an existing directory (a built distribution is launcher/target/vivarium)");
        }
        return dir;
    }

    /** @return whether a home directory was named (it may still not exist) */
    public boolean hasHome() {
        return home.isPresent();
    }

    /**
     * Returns the one model runtime of this {@code viv} run, as a supplier that creates it on first use: the
     * host publishes this same runtime to plugins, and every command loads, trains and fine-tunes with it.
     *
     * @return the runtime supplier
     */
    public Supplier<ModelRuntime> runtime() {
        return runtime;
    }

    /**
     * Returns the one model runtime of this {@code viv} run, creating it on first use (see {@link #runtime()}).
     *
     * @return the runtime
     */
    public ModelRuntime modelRuntime() {
        return runtime.get();
    }

    /**
     * Replaces the plugin-event handler (by default: failures to {@link #err()}). Call before {@link #host()}.
     *
     * @param listener the new handler
     */
    public void onPluginEvents(PluginListener listener) {
        this.pluginListener = listener;
    }

    /**
     * Returns the host, starting it (and loading the plugins) on first call.
     *
     * @return the running host
     * @throws VivariumException if the home or its bundles are missing
     */
    public synchronized VivariumHost host() {
        if (host == null) {
            HostOptions options = HostOptions.forHome(home()).withListener(this::dispatch).withDebug(debug);
            VivariumHost started = new VivariumHost(options, runtime);
            started.start();
            host = started;
        }
        return host;
    }

    /** @return the host if a command already started it */
    public synchronized Optional<VivariumHost> startedHost() {
        return Optional.ofNullable(host);
    }

    private void dispatch(PluginEvent event) {
        pluginListener.pluginEvent(event);
    }

    /** Stops the host if it was started, then closes the model runtime if one was made. Idempotent; safe from a
     * shutdown hook. */
    @Override
    public synchronized void close() {
        if (host != null) {
            host.close();
            host = null;
        }
        runtime.close();
        out.flush();
        err.flush();
    }
}
