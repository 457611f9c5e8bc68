package org.vivarium.launcher.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.cli.CommandParser;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.CliRunner;
import org.vivarium.launcher.cli.CommandTree;
import org.vivarium.cli.Suggestions;
import org.vivarium.launcher.cli.UsageException;
import org.vivarium.launcher.host.MethodInfo;
import org.vivarium.launcher.host.VivariumHost;
import org.vivarium.launcher.method.HostMethodContext;
import org.vivarium.launcher.method.ReportProgress;
import picocli.CommandLine;

/**
 * Runs {@code viv METHOD COMMAND ARGS...}: looks up the {@code Method} service named METHOD in the host
 * and runs its command with a {@link HostMethodContext}. An unknown word ends in one line listing the
 * valid commands and methods.
 */
public final class MethodDispatcher implements CliRunner.Fallback {

    @Override
    public int run(String word, List<String> args, CliContext ctx) throws Exception {
        VivariumHost host = ctx.host();
        MethodInfo method = host.method(word).orElseThrow(() -> unknown(word, ctx, host));
        if (args.isEmpty()) {
            throw new UsageException("method '" + word + "' needs a command (" + String.join(", ", method.commandNames()) + ")",
                    word + " COMMAND [ARGS...]; 'viv help " + word + "' lists them");
        }
        if (args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            HelpCommand.printMethod(method, ctx.out());
            return 0;
        }
        MethodCommand command = method.command(args.get(0)).orElseThrow(() -> new VivariumException(
                "method '" + word + "' has no command '" + args.get(0) + "'"
                        + Suggestions.hint(args.get(0), method.commandNames()),
                "valid commands: " + String.join(", ", method.commandNames())));
        List<String> rest = args.subList(1, args.size());
        String usage = command.usage().startsWith("viv ") ? command.usage().strip()
                : ("viv " + word + " " + command.name() + " " + command.usage()).strip();
        return CommandTree.execute(CommandTree.dispatch(command.name(), List.of()), rest, ctx, () -> {
            ctx.out().println("usage: " + usage);
            ctx.out().println(command.summary());
            if (!command.options().isEmpty()) {
                ctx.out().println();
                ctx.out().print(new CommandLine.Help(CommandParser.spec(command.options())).optionList());
            }
            return 0;
        }, () -> {
            HostMethodContext context = new HostMethodContext(host::runtime, host::fineTuner, ctx.out(), ctx.workDir(),
                    ReportProgress.factory(ctx.err()));
            return command.run(CommandParser.parse(rest, command.options(), usage), context);
        });
    }

    private static VivariumException unknown(String word, CliContext ctx, VivariumHost host) {
        String commands = ctx.commands().stream().map(CliCommand::name).collect(Collectors.joining(", "));
        List<String> methods = host.methods().stream().map(MethodInfo::name).distinct().toList();
        List<String> words = new ArrayList<>(ctx.commands().stream().map(CliCommand::name).toList());
        words.addAll(methods);
        return new VivariumException("unknown command '" + word + "'" + Suggestions.hint(word, words),
                "valid commands: " + commands
                + (methods.isEmpty() ? " (no plugin methods installed)" : "; plugin methods: " + String.join(", ", methods)));
    }
}
