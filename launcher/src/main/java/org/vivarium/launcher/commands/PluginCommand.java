package org.vivarium.launcher.commands;

import java.nio.file.Path;
import java.util.List;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.cli.CommandParser;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.cli.CliContext;
import org.vivarium.launcher.cli.CommandHelp;
import org.vivarium.launcher.cli.ExitCodes;
import org.vivarium.cli.Suggestions;
import org.vivarium.launcher.cli.UsageException;
import org.vivarium.launcher.plugins.PluginInfo;
import org.vivarium.launcher.plugins.PluginManager;

/** {@code viv plugin list|install FILE|start NAME|stop NAME|uninstall NAME|watch}: manage method plugins. */
public final class PluginCommand implements CliCommand {
    static final List<CommandOption> OPTIONS = List.of(
            CommandOption.flag("replace", "replace an installed plugin of the same name, keeping a backup"));


    private static final String USAGE =
            "plugin list | install FILE [--replace] | start NAME | stop NAME | uninstall NAME | watch [--ignore-stdin]";

    @Override
    public String name() {
        return "plugin";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "list, install, start, stop, uninstall or watch method plugins";
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("plugin needs a subcommand", USAGE);
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (sub) {
            case "list" -> list(expect(rest, 0, "plugin list"), ctx);
            case "install" -> install(rest, ctx);
            case "start" -> report(plugins(ctx).start(expect(rest, 1, "plugin start NAME").get(0)), "started", ctx);
            case "stop" -> report(plugins(ctx).stop(expect(rest, 1, "plugin stop NAME").get(0)),
                    "stopped; it stays stopped across restarts until 'viv plugin start'", ctx);
            case "uninstall" -> uninstall(expect(rest, 1, "plugin uninstall NAME").get(0), ctx);
            case "watch" -> PluginWatch.run(watchOption(rest), ctx);
            default -> throw new UsageException("unknown plugin subcommand '" + sub + "'"
                    + Suggestions.hint(sub, CommandHelp.subcommands(this)), USAGE);
        };
    }

    private static int list(List<String> none, CliContext ctx) {
        ctx.onPluginEvents(event -> { }); // the table shows every problem itself
        PluginManager plugins = plugins(ctx);
        List<PluginInfo> all = plugins.list();
        if (all.isEmpty()) {
            ctx.out().println("no plugins in " + plugins.directory() + "; install one with 'viv plugin install FILE'");
            return ExitCodes.OK;
        }
        PluginTable.print(all, ctx.out());
        return ExitCodes.OK;
    }

    private static int install(List<String> rest, CliContext ctx) {
        CommandInput f = CommandParser.parse(rest, OPTIONS, "plugin install FILE [--replace]");
        boolean replace = f.has("replace");
        List<String> files = f.positionals();
        Path jar = ctx.workDir().resolve(expect(files, 1, "plugin install FILE [--replace]").get(0));
        PluginManager.Installed installed = plugins(ctx).install(jar, replace);
        for (Path backup : installed.backups()) {
            ctx.out().println("kept the replaced jar as " + backup);
        }
        return report(installed.info(), "installed", ctx);
    }

    private static int uninstall(String name, CliContext ctx) {
        PluginManager plugins = plugins(ctx);
        plugins.uninstall(name);
        ctx.out().println("uninstalled " + name + " and deleted its jar from " + plugins.directory());
        return ExitCodes.OK;
    }

    private static int report(PluginInfo info, String verb, CliContext ctx) {
        if (info.lastError() != null && !"stopped".equals(info.state())) {
            return ExitCodes.ERROR; // the failure line was already printed by the plugin listener
        }
        ctx.out().println(info.name() + " (" + info.symbolicName() + " " + info.version() + "): " + verb
                + (info.methods().isEmpty() ? "" : "; methods: " + String.join(", ", info.methods())));
        return ExitCodes.OK;
    }

    private static PluginManager plugins(CliContext ctx) {
        return ctx.host().plugins();
    }

    private static boolean watchOption(List<String> rest) {
        if (rest.isEmpty()) {
            return false;
        }
        if (rest.size() == 1 && rest.get(0).equals("--ignore-stdin")) {
            return true;
        }
        throw new UsageException("unexpected arguments " + rest, "plugin watch [--ignore-stdin]");
    }

    private static List<String> expect(List<String> args, int count, String usage) {
        if (args.size() != count) {
            throw new UsageException(usage.split(" ")[1] + " takes " + (count == 0 ? "no arguments" : "exactly one argument")
                    + ", got " + args.size(), usage);
        }
        return args;
    }
}
