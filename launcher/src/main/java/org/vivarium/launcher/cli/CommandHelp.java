package org.vivarium.launcher.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The usage text that {@code --help} and {@code -h} after any command or subcommand print to stdout (exit 0, before
 * the command parses its arguments); picocli recognises the flag ({@link CommandTree#execute}).
 *
 * <p>A usage string lists its forms separated by {@code " | "} (or a new line and {@code viv}), e.g.
 * {@code organism list | organism train NAME [--seed N]}; for {@code viv organism train --help} only the
 * forms of the {@code train} subcommand are printed.
 */
public final class CommandHelp {

    private static final Pattern FORMS = Pattern.compile("\\s+\\|\\s+|\\s*\\R\\s*viv\\s+");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");

    private CommandHelp() {
    }

    /**
     * Prints the usage of a command, narrowed to the subcommand named by the first argument if there is one.
     *
     * @param command the command
     * @param args the arguments after the command word, e.g. {@code [train, --help]}
     * @param out where the usage goes
     * @return {@link ExitCodes#OK}
     */
    public static int print(CliCommand command, List<String> args, PrintStream out) {
        List<String> forms = forms(command);
        String sub = args.isEmpty() ? "" : args.get(0);
        List<String> chosen = forms.stream().filter(f -> subcommandWords(f).contains(sub)).toList();
        List<String> shown = chosen.isEmpty() ? forms : chosen;
        out.println("usage: viv " + String.join("\n       viv ", shown));
        out.println(command.summary());
        return ExitCodes.OK;
    }

    /**
     * @param command a command
     * @return its usage forms, each starting with the command name, e.g. {@code plugin install FILE}
     */
    public static List<String> forms(CliCommand command) {
        List<String> forms = new ArrayList<>();
        for (String form : FORMS.split(command.usage().strip())) {
            String f = form.strip();
            forms.add(f.equals(command.name()) || f.startsWith(command.name() + " ") ? f : command.name() + " " + f);
        }
        return forms;
    }

    /**
     * @param command a command
     * @return the subcommand words its usage names, e.g. {@code list, install, ...} for {@code plugin}
     */
    public static List<String> subcommands(CliCommand command) {
        return forms(command).stream().flatMap(f -> subcommandWords(f).stream()).distinct().toList();
    }

    /**
     * @param form one usage form, e.g. {@code organism train|text NAME [--seed N]}
     * @return the subcommand words it names, e.g. {@code train, text}
     */
    static List<String> subcommandWords(String form) {
        String[] words = form.split("\\s+");
        if (words.length < 2) {
            return List.of();
        }
        return Arrays.stream(words[1].split("\\|")).filter(w -> WORD.matcher(w).matches()).toList();
    }
}
