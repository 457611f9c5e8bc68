package org.vivarium.launcher.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vivarium.api.VivariumException;
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
        VivariumException e = MethodDispatcher.withSuggestion(new VivariumException("unknown option --dat",
                "usage: viv probes fit CKPT --data FILE.tsv"), fit);
        assertEquals("unknown option --dat — did you mean --data? — usage: viv probes fit CKPT --data FILE.tsv", e.getMessage());
        VivariumException other = new VivariumException("no such file", "check the path");
        assertEquals(other, MethodDispatcher.withSuggestion(other, fit));
    }

    private record Fake(String name, String usage) implements MethodCommand {
        @Override
        public String summary() {
            return "fake";
        }

        @Override
        public int run(List<String> args, MethodContext context) {
            return 0;
        }
    }
}
