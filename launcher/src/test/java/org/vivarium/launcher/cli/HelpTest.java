package org.vivarium.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vivarium.api.method.MethodCommand;
import org.vivarium.launcher.VivCommands;
import org.vivarium.launcher.host.HostOptions;
import org.vivarium.launcher.host.MethodInfo;
import org.vivarium.launcher.host.VivariumHost;
import org.vivarium.launcher.support.CliRun;
import org.vivarium.launcher.support.TestHomes;

/** {@code --help} and {@code -h} on every command of the command table, every subcommand and every plugin command. */
class HelpTest {

    @TempDir
    Path dir;
    Path home;

    @BeforeEach
    void home() {
        home = TestHomes.withHello(dir);
    }

    private CliRun viv(List<String> args) {
        return CliRun.inHome(home, args.toArray(new String[0]));
    }

    @Test
    void everyCommandAndSubcommandPrintsItsUsageAndExitsZero() {
        int checked = 0;
        for (CliCommand command : VivCommands.all()) {
            List<List<String>> lines = new ArrayList<>();
            lines.add(List.of(command.name()));
            for (String sub : CommandHelp.subcommands(command)) {
                lines.add(List.of(command.name(), sub));
            }
            for (List<String> words : lines) {
                for (String flag : List.of("--help", "-h")) {
                    List<String> args = new ArrayList<>(words);
                    args.add(flag);
                    CliRun run = viv(args);
                    String what = String.join(" ", args);
                    assertEquals(0, run.code(), what + ": " + run.err());
                    assertEquals("", run.err(), what);
                    String first = run.out().lines().findFirst().orElse("");
                    assertTrue(first.startsWith("usage: viv " + command.name()), what + ":\n" + run.out());
                    if (words.size() > 1) {
                        assertTrue(List.of(first.split("\\s+")[3].split("\\|")).contains(words.get(1)), what + ":\n" + first);
                    }
                    assertTrue(run.out().contains(command.summary()), what + ":\n" + run.out());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 2 * (VivCommands.all().size() + 10), "only " + checked + " help runs");
    }

    @Test
    void subcommandHelpShowsOnlyThatSubcommand() {
        CliRun run = viv(List.of("organism", "train", "--help"));
        assertEquals(0, run.code());
        assertTrue(run.out().startsWith("usage: viv organism train NAME"), run.out());
        assertFalse(run.out().contains("organism card"), run.out());
        CliRun plugin = viv(List.of("plugin", "install", "-h"));
        assertTrue(plugin.out().startsWith("usage: viv plugin install FILE [--replace]\n"), plugin.out());
    }

    @Test
    void helpAfterALiteralSeparatorIsAnArgument() {
        CliRun literal = viv(List.of("organism", "card", "--", "--help"));
        assertEquals(1, literal.code(), literal.out());
        assertTrue(literal.err().startsWith("error: unknown organism \"--help\""), literal.err());
        CliRun late = viv(List.of("organism", "train", "lm", "-h"));
        assertEquals(0, late.code(), late.err());
        assertTrue(late.out().startsWith("usage: viv organism train NAME"), late.out());
    }

    @Test
    void everyPluginCommandPrintsItsUsageAndExitsZero() {
        List<List<String>> commands = new ArrayList<>();
        try (VivariumHost host = new VivariumHost(HostOptions.forHome(home), TestHomes.stubRuntime())) {
            host.start();
            for (MethodInfo method : host.methods()) {
                for (MethodCommand command : method.commands()) {
                    List<String> c = new ArrayList<>(List.of(method.name(), command.name(), command.usage()));
                    command.options().forEach(o -> c.add("--" + o.name()));
                    commands.add(c);
                }
            }
        }
        assertFalse(commands.isEmpty());
        for (List<String> c : commands) {
            for (String flag : List.of("--help", "-h")) {
                CliRun run = viv(List.of(c.get(0), c.get(1), flag));
                assertEquals(0, run.code(), c + ": " + run.err());
                assertTrue(run.out().startsWith(("usage: viv " + c.get(0) + " " + c.get(1) + " " + c.get(2)).strip() + "\n"), run.out());
                for (String option : c.subList(3, c.size())) {
                    assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith(option + "=") || l.strip().startsWith(option + " ")
                            || l.strip().equals(option)), "option help lists " + option + ": " + run.out());
                }
            }
        }
    }
}
