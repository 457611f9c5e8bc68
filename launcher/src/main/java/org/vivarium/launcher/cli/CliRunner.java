package org.vivarium.launcher.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vivarium.api.model.ModelRuntime;

/**
 * Parses the global options, picks the command and applies the error policy: whatever goes wrong ends
 * as one {@code error:} line and exit code 1 (2 for usage errors), and the host is always stopped.
 *
 * <p>A word that is not a command is tried as a plugin method ({@code viv METHOD COMMAND ...}) by the
 * fallback given to the constructor. A built-in command runs through picocli ({@link CommandTree#dispatch}):
 * {@code --help} or {@code -h} after it or one of its subcommands prints its usage ({@link CommandHelp}) instead of
 * running it, and picocli's exception handlers route failures through {@link ErrorReporter}.
 */
public final class CliRunner {

    /** Runs {@code viv WORD ARGS...} when WORD is not a built-in command. */
    @FunctionalInterface
    public interface Fallback {
        /**
         * @param word the unknown command word
         * @param args the arguments after it
         * @param ctx the context
         * @return the exit code
         * @throws Exception any failure
         */
        int run(String word, List<String> args, CliContext ctx) throws Exception;
    }

    private final List<CliCommand> commands;
    private final Fallback fallback;
    private final Supplier<ModelRuntime> runtime;
    private final Map<String, String> env;

    /**
     * @param commands the top-level commands; must include {@code help} and {@code version}
     * @param fallback handles words that are not commands (plugin methods)
     * @param runtime creates the model runtime on first use
     * @param env the process environment (for {@code VIVARIUM_HOME})
     */
    public CliRunner(List<CliCommand> commands, Fallback fallback, Supplier<ModelRuntime> runtime, Map<String, String> env) {
        this.commands = List.copyOf(commands);
        this.fallback = fallback;
        this.runtime = runtime;
        this.env = Map.copyOf(env);
    }

    /**
     * Runs one {@code viv} invocation.
     *
     * @param args the process arguments
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        GlobalOptions options;
        try {
            options = GlobalOptions.parse(args);
        } catch (UsageException e) {
            return ErrorReporter.report(e, err, List.of(args).contains("--debug"));
        }
        List<String> words = new ArrayList<>(options.command());
        if (options.version()) {
            words.add(0, "version");
        } else if (options.help() || words.isEmpty()) {
            words.add(0, "help");
        }
        try (CliContext ctx = new CliContext(in, out, err, HomeLocator.locate(options.home(), env),
                options.debug(), commands, runtime, env)) {
            return dispatch(words.get(0), words.subList(1, words.size()), ctx);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return ErrorReporter.report(e, err, options.debug());
        } finally {
            out.flush();
        }
    }

    private int dispatch(String word, List<String> args, CliContext ctx) throws Exception {
        Optional<CliCommand> command = commands.stream().filter(c -> c.name().equals(word)).findFirst();
        if (command.isEmpty()) {
            return fallback.run(word, List.copyOf(args), ctx);
        }
        CliCommand c = command.get();
        return CommandTree.execute(CommandTree.dispatch(c), args, ctx, () -> CommandHelp.print(c, args, ctx.out()),
                () -> c.run(List.copyOf(args), ctx));
    }
}
