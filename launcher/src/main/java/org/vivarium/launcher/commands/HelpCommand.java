package org.vivarium.launcher.commands;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.ErrorReporter;
import org.vivarium.launcher.cli.GlobalOptions;
import org.vivarium.launcher.host.MethodInfo;

/**
 * {@code viv help [COMMAND|METHOD]}: the built-in commands, then the commands the installed plugins
 * contribute (this starts the host when a home directory is known).
 */
public final class HelpCommand implements CliCommand {

    private static final int LEFT = 34;

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "help [COMMAND|METHOD]";
    }

    @Override
    public String summary() {
        return "list the commands, or show one command's usage";
    }

    @Override
    public int run(List<String> args, CliContext ctx) {
        if (!args.isEmpty()) {
            return helpFor(args.get(0), ctx);
        }
        PrintStream out = ctx.out();
        out.println("usage: " + GlobalOptions.USAGE);
        out.println();
        out.println("commands:");
        for (CliCommand command : ctx.commands()) {
            row(out, command.name(), command.summary());
        }
        out.println();
        printPluginCommands(ctx);
        return 0;
    }

    private static void printPluginCommands(CliContext ctx) {
        PrintStream out = ctx.out();
        if (!ctx.hasHome()) {
            out.println("plugin commands: unknown (no Vivarium home; pass --home DIR or set VIVARIUM_HOME)");
            return;
        }
        List<MethodInfo> methods;
        try {
            methods = ctx.host().methods();
        } catch (VivariumException | IllegalStateException e) {
            out.println("plugin commands: unavailable (" + ErrorReporter.line(e, true).substring("error: ".length()) + ")");
            return;
        }
        if (methods.isEmpty()) {
            out.println("plugin commands: none (install a plugin with 'viv plugin install FILE')");
            return;
        }
        out.println("plugin commands:");
        for (MethodInfo method : methods) {
            for (MethodCommand command : method.commands()) {
                row(out, method.name() + " " + command.name() + " " + command.usage(), command.summary());
            }
            if (method.commands().isEmpty()) {
                row(out, method.name(), method.description() + " (no commands)");
            }
        }
    }

    private static int helpFor(String word, CliContext ctx) {
        Optional<CliCommand> command = ctx.commands().stream().filter(c -> c.name().equals(word)).findFirst();
        if (command.isPresent()) {
            ctx.out().println("usage: viv " + command.get().usage());
            ctx.out().println(command.get().summary());
            return 0;
        }
        Optional<MethodInfo> method = ctx.hasHome() ? ctx.host().method(word) : Optional.empty();
        if (method.isEmpty()) {
            throw new VivariumException("no command or plugin method named '" + word + "'", "run 'viv help' to list them");
        }
        printMethod(method.get(), ctx.out());
        return 0;
    }

    /**
     * Prints a method's description and commands.
     *
     * @param method the method
     * @param out the stream
     */
    static void printMethod(MethodInfo method, PrintStream out) {
        out.println(method.name() + ": " + method.description() + " (plugin " + method.bundleSymbolicName() + ")");
        for (MethodCommand command : method.commands()) {
            row(out, "viv " + method.name() + " " + command.name() + " " + command.usage(), command.summary());
        }
    }

    private static void row(PrintStream out, String left, String right) {
        if (left.length() <= LEFT) {
            out.printf("  %-" + LEFT + "s %s%n", left, right);
        } else {
            out.println("  " + left);
            out.println("  " + " ".repeat(LEFT) + " " + right);
        }
    }
}
