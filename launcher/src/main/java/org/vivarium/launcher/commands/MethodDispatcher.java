package org.vivarium.launcher.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.CliRunner;
import org.vivarium.launcher.cli.CommandTree;
import org.vivarium.launcher.cli.Suggestions;
import org.vivarium.launcher.cli.UsageException;
import org.vivarium.launcher.host.MethodInfo;
import org.vivarium.launcher.host.VivariumHost;
import org.vivarium.launcher.method.HostMethodContext;
import org.vivarium.launcher.method.ReportProgress;

/**
 * Runs {@code viv METHOD COMMAND ARGS...}: looks up the {@code Method} service named METHOD in the host
 * and runs its command with a {@link HostMethodContext}. An unknown word ends in one line listing the
 * valid commands and methods.
 */
public final class MethodDispatcher implements CliRunner.Fallback {

    private static final Pattern UNKNOWN_OPTION = Pattern.compile("unknown option (--[^\\s=]+)");
    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*");

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
        return CommandTree.execute(CommandTree.dispatch(command.name(), List.of()), rest, ctx, () -> {
            String usage = command.usage().startsWith("viv ") ? command.usage()
                    : "viv " + word + " " + command.name() + " " + command.usage();
            ctx.out().println("usage: " + usage.strip());
            ctx.out().println(command.summary());
            return 0;
        }, () -> {
            HostMethodContext context = new HostMethodContext(host::runtime, host::fineTuner, ctx.out(), ctx.workDir(),
                    ReportProgress.factory(ctx.err()));
            try {
                return command.run(List.copyOf(rest), context);
            } catch (VivariumException e) {
                throw withSuggestion(e, command);
            }
        });
    }

    /**
     * Adds "did you mean" to a plugin's {@code unknown option --x} error (from the API's {@code CommandArgs}), using
     * the options its usage line names.
     *
     * @param e what the plugin command threw
     * @param command the command
     * @return {@code e} itself, or a copy whose problem ends with the suggestion
     */
    static VivariumException withSuggestion(VivariumException e, MethodCommand command) {
        Matcher unknown = UNKNOWN_OPTION.matcher(e.problem() == null ? "" : e.problem());
        if (e.getClass() != VivariumException.class || !unknown.matches()) {
            return e;
        }
        Set<String> options = new TreeSet<>();
        Matcher option = OPTION.matcher(command.usage() == null ? "" : command.usage());
        while (option.find()) {
            options.add(option.group());
        }
        String hint = Suggestions.hint(unknown.group(1), options);
        return hint.isEmpty() ? e : new VivariumException(e.problem() + hint, e.fix(), e);
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
