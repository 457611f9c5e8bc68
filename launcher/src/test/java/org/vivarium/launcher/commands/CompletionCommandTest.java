package org.vivarium.launcher.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.cli.CommandParser;
import org.vivarium.api.VivariumException;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.api.method.MethodContext;
import org.vivarium.launcher.VivCommands;
import org.vivarium.launcher.cli.CliCommand;
import org.vivarium.launcher.support.CliRun;

/** {@code viv completion} prints a picocli bash completion script naming every command, subcommand and option. */
class CompletionCommandTest {

    @Test
    void scriptNamesEveryCommandTheirSubcommandsAndOptions() {
        CliRun run = CliRun.viv("completion");
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        String script = run.out();
        assertTrue(script.contains("complete -F _complete_viv"), script);
        for (CliCommand command : VivCommands.all()) {
            assertTrue(script.contains(command.name()), command.name());
        }
        assertTrue(script.contains("train"), "organism subcommand");
        assertTrue(script.contains("--steps"), "organism train option");
        assertTrue(script.contains("--home"), "global option");
    }

    @Test
    void pluginMethodsCanBeAdded() {
        MethodCommand fit = new Fake("fit", "CKPT --data FILE.tsv [--full]");
        String script = CompletionCommand.script(VivCommands.all(), List.of(new org.vivarium.launcher.host.MethodInfo(
                "probes", "linear probes", List.of(fit), 1L, "probes")));
        assertTrue(script.contains("probes"), script);
        assertTrue(script.contains("--data"), script);
    }

    @Test
    void pluginUnknownOptionsGetADidYouMean() {
        MethodCommand fit = new Fake("fit", "CKPT --data FILE.tsv [--full]");
        VivariumException e = assertThrows(VivariumException.class, () -> CommandParser.parse(List.of("ckpt", "--dat",
                "x.tsv"), fit.options(), "viv probes fit " + fit.usage()));
        assertEquals("unknown option --dat — did you mean --data? — usage: viv probes fit CKPT --data FILE.tsv [--full]",
                e.getMessage());
    }

    private record Fake(String name, String usage) implements MethodCommand {
        @Override
        public String summary() {
            return "fake";
        }

        @Override
        public List<CommandOption> options() {
            return List.of(CommandOption.path("data", "FILE.tsv", "prompts"), CommandOption.flag("full", "all"));
        }

        @Override
        public int run(CommandInput input, MethodContext context) {
            return 0;
        }
    }
}
