package org.vivarium.launcher.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli model of {@code viv}: the global options, one subcommand per {@link CliCommand}, its subcommands and
 * options as its usage names them, and optionally the plugin methods with their commands. Shell completion
 * ({@code viv completion}) is generated from it.
 *
 * <pre>{@code
 * CommandLine viv = CommandTree.of(VivCommands.all());
 * CommandTree.addMethod(viv, "probes", List.of(new CommandTree.Usage("fit", "CKPT --data FILE.tsv")));
 * }</pre>
 */
public final class CommandTree {

    private static final Pattern OPTION = Pattern.compile("(--[a-z][a-z0-9-]*)(?:[ =]([A-Z][A-Za-z0-9_.]*))?");
    private static final Pattern PATH_LABEL = Pattern.compile("FILE|DIR|PATH|OUT|CKPT|JAR|.*\\.[a-z]+|.*(FILE|DIR)");

    /**
     * A command's name and usage text, as a {@link CliCommand} or a plugin's {@code MethodCommand} declares them.
     *
     * @param name the command word
     * @param usage its usage, e.g. {@code CKPT --data FILE.tsv [--full]}
     */
    public record Usage(String name, String usage) {
    }

    private CommandTree() {
    }

    /**
     * @param commands the top-level commands
     * @return the {@code viv} command line with a subcommand per command
     */
    public static CommandLine of(List<CliCommand> commands) {
        CommandSpec viv = CommandSpec.create().name("viv");
        for (String option : GlobalOptions.OPTIONS) {
            if (option.startsWith("--")) {
                boolean valued = option.equals("--home");
                viv.addOption(option(option, valued ? "DIR" : null, option.equals("--help") ? "-h" : null));
            }
        }
        CommandLine line = new CommandLine(viv);
        for (CliCommand command : commands) {
            CommandSpec spec = helpable(CommandSpec.create().name(command.name()));
            line.addSubcommand(command.name(), spec);
            CommandLine sub = line.getSubcommands().get(command.name());
            for (String form : CommandHelp.forms(command)) {
                List<String> subs = CommandHelp.subcommandWords(form);
                if (subs.isEmpty()) {
                    addOptions(sub.getCommandSpec(), form);
                }
                for (String word : subs) {
                    if (!sub.getSubcommands().containsKey(word)) {
                        sub.addSubcommand(word, helpable(CommandSpec.create().name(word)));
                    }
                    addOptions(sub.getSubcommands().get(word).getCommandSpec(), form);
                }
            }
        }
        return line;
    }

    /**
     * The command line that {@link CliRunner} runs a command through: the command and its subcommands, each with
     * {@code --help}/{@code -h}; every other argument is left to the command itself (its options are parsed by
     * {@link org.vivarium.cli.CommandParser}), so this line never rejects one.
     *
     * @param command the command
     * @return its command line, without an execution strategy
     */
    public static CommandLine dispatch(CliCommand command) {
        return dispatch(command.name(), CommandHelp.subcommands(command));
    }

    /**
     * @param name the command word
     * @param subcommands its subcommand words
     * @return a command line that recognises only {@code --help}/{@code -h} and the subcommands
     */
    public static CommandLine dispatch(String name, List<String> subcommands) {
        CommandLine line = new CommandLine(helpable(CommandSpec.create().name(name)));
        for (String word : subcommands) {
            line.addSubcommand(word, helpable(CommandSpec.create().name(word)));
        }
        return line.setUnmatchedOptionsArePositionalParams(true).setExpandAtFiles(false);
    }

    /** What {@link #execute} runs: printing the usage or running the command. */
    @FunctionalInterface
    public interface Action {
        /**
         * @return the exit code
         * @throws Exception any failure
         */
        int run() throws Exception;
    }

    /**
     * Parses {@code args} with picocli and runs {@code help} if {@code --help}/{@code -h} was given (before any
     * {@code --}), else {@code run}; failures go through picocli's exception handlers to {@link ErrorReporter}.
     *
     * @param line a command line from {@link #dispatch}
     * @param args the arguments after the command word
     * @param ctx the context (error stream, {@code --debug})
     * @param help prints the usage
     * @param run runs the command
     * @return the exit code
     */
    public static int execute(CommandLine line, List<String> args, CliContext ctx, Action help, Action run) {
        line.setExecutionStrategy(parsed -> {
            boolean asked = parsed.asCommandLineList().stream().anyMatch(CommandLine::isUsageHelpRequested);
            try {
                return asked ? help.run() : run.run();
            } catch (Exception e) {
                throw new CommandLine.ExecutionException(line, line.getCommandName() + " failed", e);
            }
        });
        line.setParameterExceptionHandler((e, given) -> ErrorReporter.report(new UsageException(e.getMessage(),
                line.getCommandName()), ctx.err(), ctx.debug()));
        line.setExecutionExceptionHandler((e, l, parsed) -> ErrorReporter.report(
                e instanceof CommandLine.ExecutionException && e.getCause() != null ? e.getCause() : e, ctx.err(),
                ctx.debug()));
        return line.execute(args.toArray(new String[0]));
    }

    /**
     * Adds a plugin method ({@code viv METHOD COMMAND ...}) with its commands.
     *
     * @param viv the command line made by {@link #of}
     * @param method the method name
     * @param commands its commands
     */
    public static void addMethod(CommandLine viv, String method, List<Usage> commands) {
        if (viv.getSubcommands().containsKey(method)) {
            return;
        }
        viv.addSubcommand(method, helpable(CommandSpec.create().name(method)));
        CommandLine m = viv.getSubcommands().get(method);
        for (Usage c : commands) {
            if (!m.getSubcommands().containsKey(c.name())) {
                CommandSpec spec = helpable(CommandSpec.create().name(c.name()));
                addOptions(spec, c.usage() == null ? "" : c.usage());
                m.addSubcommand(c.name(), spec);
            }
        }
    }

    private static CommandSpec helpable(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--help", "-h").arity("0").type(boolean.class).usageHelp(true).build());
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("1").type(List.class)
                .auxiliaryTypes(String.class).build());
        return spec;
    }

    private static void addOptions(CommandSpec spec, String form) {
        Set<String> have = new HashSet<>();
        spec.options().forEach(o -> have.addAll(List.of(o.names())));
        Matcher m = OPTION.matcher(form);
        while (m.find()) {
            if (have.add(m.group(1))) {
                spec.addOption(option(m.group(1), m.group(2), null));
            }
        }
    }

    private static OptionSpec option(String name, String label, String alias) {
        OptionSpec.Builder b = alias == null ? OptionSpec.builder(name) : OptionSpec.builder(name, alias);
        if (label == null) {
            return b.arity("0").type(boolean.class).build();
        }
        boolean path = PATH_LABEL.matcher(label).matches();
        return b.arity("1").paramLabel(label).type(path ? Path.class : String.class).build();
    }
}
