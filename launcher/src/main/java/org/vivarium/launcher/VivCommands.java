package org.vivarium.launcher;

import java.util.List;
import java.util.function.Supplier;
import org.vivarium.api.model.ModelRuntime;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliRunner;
import org.vivarium.launcher.commands.CompletionCommand;
import org.vivarium.launcher.commands.HelpCommand;
import org.vivarium.launcher.commands.MethodDispatcher;
import org.vivarium.launcher.commands.PluginCommand;
import org.vivarium.launcher.commands.VersionCommand;
import org.vivarium.launcher.audit.AuditCommand;
import org.vivarium.launcher.bench.BenchCommand;
import org.vivarium.launcher.data.CacheCommand;
import org.vivarium.launcher.data.IndexCommand;
import org.vivarium.launcher.data.SearchCommand;
import org.vivarium.launcher.organism.OrganismCommand;
import org.vivarium.launcher.run.RunCommand;
import org.vivarium.runtime.DjlModelRuntime;

/**
 * The one place where {@code viv} is assembled: its top-level commands and its model runtime.
 *
 * <p>To add a command ({@code organism}, {@code run}, {@code bench}, {@code cache}, {@code search}, ...),
 * implement {@link CliCommand} in its own class and append an instance to {@link #all()}; help, dispatch
 * and error handling pick it up. To wire the real engine, return it from {@link #runtime()}.
 */
public final class VivCommands {

    private VivCommands() {
    }

    /** @return the top-level commands in the order {@code viv help} lists them */
    public static List<CliCommand> all() {
        return List.of(
                new HelpCommand(),
                new VersionCommand(),
                new OrganismCommand(),
                new AuditCommand(),
                new RunCommand(),
                new CacheCommand(),
                new IndexCommand(),
                new SearchCommand(),
                new org.vivarium.launcher.web.ServeCommand(),
                new BenchCommand(),
                new org.vivarium.launcher.imports.ImportCommand(),
                new PluginCommand(),
                new CompletionCommand());
    }

    /** @return handles {@code viv METHOD COMMAND ...} for words that are not commands */
    public static CliRunner.Fallback methods() {
        return new MethodDispatcher();
    }

    /**
     * Makes the model runtime of a {@code viv} run: the {@link org.vivarium.launcher.cli.CliContext} calls it once,
     * on first use, hands that one runtime to every command ({@code CliContext.modelRuntime()}) and to the host
     * (which publishes it to plugins), and closes it when the run ends.
     *
     * @return the runtime factory
     */
    public static Supplier<ModelRuntime> runtime() {
        return DjlModelRuntime::new;
    }

}
