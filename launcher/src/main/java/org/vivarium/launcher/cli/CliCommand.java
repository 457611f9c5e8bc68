package org.vivarium.launcher.cli;

import java.util.List;

/**
 * One top-level {@code viv} command, e.g. {@code viv plugin ...}. Register new commands in
 * {@link org.vivarium.launcher.VivCommands#all()}.
 *
 * <pre>{@code
 * public final class CacheCommand implements CliCommand {
 *     public String name() { return "cache"; }
 *     public String usage() { return "cache ls | cache rm RUN"; }
 *     public String summary() { return "inspect the activation cache"; }
 *     public int run(List<String> args, CliContext ctx) {
 *         if (args.isEmpty()) throw new UsageException("cache needs a subcommand", usage());
 *         ctx.out().println(...);
 *         return 0;
 *     }
 * }
 * }</pre>
 *
 * <p>Throw {@link org.vivarium.api.VivariumException} for bad input (shown as one {@code error:} line,
 * exit code 1) and {@link UsageException} for wrong arguments (exit code 2).
 */
public interface CliCommand {
    /** @return the command word, e.g. {@code plugin} */
    String name();

    /** @return the argument synopsis including the name, e.g. {@code plugin list | plugin install FILE} */
    String usage();

    /** @return one sentence for {@code viv help} */
    String summary();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command word (global options already removed)
     * @param ctx streams, home directory and the lazily started host
     * @return the process exit code, 0 on success
     * @throws Exception any failure; the runner turns it into one {@code error:} line
     */
    int run(List<String> args, CliContext ctx) throws Exception;
}
