package org.vivarium.launcher.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The options {@code viv} understands before the command word ({@code --home DIR}, {@code --version},
 * {@code --help}) plus {@code --debug}, which is accepted anywhere before a {@code --}.
 *
 * @param home the {@code --home} value, or {@code null}
 * @param debug whether {@code --debug} was given
 * @param version whether {@code --version} was given
 * @param help whether {@code --help} or {@code -h} was given before the command
 * @param command the command word and its arguments
 */
public record GlobalOptions(String home, boolean debug, boolean version, boolean help, List<String> command) {

    /** The synopsis of the global options. */
    public static final String USAGE = "viv [--home DIR] [--debug] COMMAND [ARGS...]";
    /** The global options, for suggestions and shell completion. */
    public static final List<String> OPTIONS = List.of("--home", "--debug", "--version", "--help", "-h");

    /**
     * Parses the process arguments.
     *
     * @param args the arguments
     * @return the options
     * @throws UsageException for {@code --home} without a value or an unknown leading option
     */
    public static GlobalOptions parse(String[] args) {
        String home = null;
        boolean debug = false;
        boolean version = false;
        boolean help = false;
        List<String> command = new ArrayList<>();
        boolean literal = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean leading = command.isEmpty();
            if (literal) {
                command.add(arg);
            } else if (arg.equals("--")) {
                literal = true;
                if (!leading) {
                    command.add(arg);
                }
            } else if (arg.equals("--debug")) {
                debug = true;
            } else if (leading && arg.equals("--home")) {
                if (i + 1 >= args.length) {
                    throw new UsageException("--home needs a directory", USAGE);
                }
                home = args[++i];
            } else if (leading && arg.startsWith("--home=")) {
                home = arg.substring("--home=".length());
            } else if (leading && arg.equals("--version")) {
                version = true;
            } else if (leading && (arg.equals("--help") || arg.equals("-h"))) {
                help = true;
            } else if (leading && arg.startsWith("-")) {
                throw new UsageException("unknown option " + arg + Suggestions.hint(arg.contains("=")
                        ? arg.substring(0, arg.indexOf('=')) : arg, OPTIONS), USAGE);
            } else {
                command.add(arg);
            }
        }
        return new GlobalOptions(home, debug, version, help, List.copyOf(command));
    }
}
