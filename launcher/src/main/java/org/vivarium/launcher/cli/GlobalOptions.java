package org.vivarium.launcher.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import org.vivarium.cli.Suggestions;
import picocli.CommandLine.ParseResult;

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
     * Parses the process arguments with picocli: the options before the command word, then the command word and
     * everything after it untouched (except {@code --debug}).
     *
     * @param args the arguments
     * @return the options
     * @throws UsageException for {@code --home} without a value or an unknown leading option (with the closest
     *     known one)
     */
    public static GlobalOptions parse(String[] args) {
        boolean debug = false;
        List<String> rest = new ArrayList<>();
        boolean literal = false;
        for (String arg : args) {
            literal |= arg.equals("--");
            if (!literal && arg.equals("--debug")) {
                debug = true;
            } else {
                rest.add(arg);
            }
        }
        CommandSpec spec = CommandSpec.create().name("viv");
        spec.addOption(OptionSpec.builder("--home").arity("1").type(String.class).paramLabel("DIR").build());
        spec.addOption(OptionSpec.builder("--version").arity("0").type(boolean.class).build());
        spec.addOption(OptionSpec.builder("--help", "-h").arity("0").type(boolean.class).build());
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("1").type(List.class)
                .auxiliaryTypes(String.class).build());
        spec.parser().stopAtPositional(true).expandAtFiles(false).overwrittenOptionsAllowed(true);
        ParseResult r;
        try {
            r = new CommandLine(spec).parseArgs(rest.toArray(new String[0]));
        } catch (CommandLine.MissingParameterException e) {
            throw new UsageException("--home needs a directory", USAGE);
        } catch (CommandLine.UnmatchedArgumentException e) {
            String arg = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
            throw new UsageException("unknown option " + arg + Suggestions.hint(arg.contains("=")
                    ? arg.substring(0, arg.indexOf('=')) : arg, OPTIONS), USAGE);
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(e.getMessage(), USAGE);
        }
        List<String> command = r.hasMatchedPositional(0) ? spec.positionalParameters().get(0).getValue() : List.of();
        return new GlobalOptions(r.matchedOptionValue("--home", null), debug, r.hasMatchedOption("--version"),
                r.hasMatchedOption("--help"), List.copyOf(command));
    }
}
