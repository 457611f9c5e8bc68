package org.vivarium.cli;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * Turns a command's {@link CommandOption} declarations into a picocli {@link CommandSpec} and parses arguments
 * with it: picocli reads {@code --name value}, {@code --name=value} and switches, converts each value to its
 * declared kind and range-checks it (through a {@link CommandLine.ITypeConverter} per option), and every mistake
 * becomes one {@link UsageException} line with the usage: an unknown option with the closest known ones, a missing
 * value, a switch given a value, a value out of range, a missing required option.
 *
 * <pre>{@code
 * static final List<CommandOption> OPTIONS = List.of(CommandOption.integer("steps", "N", "steps", 1, 100));
 * CommandInput in = CommandParser.parse(args, OPTIONS, "viv organism train NAME [--steps N]");
 * int steps = in.getInt("steps", 10);
 * }</pre>
 */
public final class CommandParser {
    private static final Pattern SWITCH_WITH_VALUE = Pattern.compile("option '(--[^']+)' should be specified without");

    private CommandParser() {
    }

    /**
     * Parses arguments; an option given twice keeps its last value.
     *
     * @param args the arguments after the command words
     * @param options the command's options
     * @param usage the usage line shown with every error
     * @return the parsed, converted and range-checked input
     * @throws UsageException for any mistake in the arguments
     */
    public static CommandInput parse(List<String> args, List<CommandOption> options, String usage) {
        CommandSpec spec = spec(options);
        CommandLine line = new CommandLine(spec).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
        try {
            ParseResult result = line.parseArgs(args.toArray(new String[0]));
            return new ParsedInput(result, options, usage);
        } catch (CommandLine.ParameterException e) {
            throw problem(e, spec, usage);
        }
    }

    /**
     * The picocli model of a command's options, for parsing, help and shell completion.
     *
     * @param options the declarations
     * @return a command spec with one option per declaration and any number of positional arguments
     */
    public static CommandSpec spec(List<CommandOption> options) {
        CommandSpec spec = CommandSpec.create();
        for (CommandOption o : options) {
            OptionSpec.Builder b = OptionSpec.builder("--" + o.name()).description(o.description())
                    .required(o.mandatory());
            if (o.kind() == CommandOption.Kind.SWITCH) {
                b.arity("0").type(boolean.class);
            } else {
                b.arity("1").paramLabel(o.label()).type(String.class).converters(value -> Values.check(o, value));
            }
            spec.addOption(b.build());
        }
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("1").paramLabel("ARGS").type(List.class)
                .auxiliaryTypes(String.class).hidden(true).build());
        return spec;
    }

    private static UsageException problem(CommandLine.ParameterException e, CommandSpec spec, String usage) {
        if (e.getCause() instanceof CommandLine.TypeConversionException t) {
            return new UsageException(t.getMessage(), usage);
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String typed = u.getUnmatched().get(0);
            String option = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            List<String> known = spec.options().stream().map(OptionSpec::longestName).sorted().toList();
            String hint = Suggestions.hint(option, known);
            return new UsageException("unknown option " + option + (hint.isEmpty()
                    ? (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")") : hint), usage);
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof OptionSpec o) {
            boolean valueMissing = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("parameter for option");
            return new UsageException(valueMissing ? o.longestName() + " needs a value" : "missing " + o.longestName() + " "
                    + o.paramLabel() + (o.description()[0].isEmpty() ? "" : " (" + o.description()[0] + ")"), usage);
        }
        Matcher withValue = SWITCH_WITH_VALUE.matcher(String.valueOf(e.getMessage()));
        if (e instanceof CommandLine.MaxValuesExceededException && withValue.find()) {
            return new UsageException(withValue.group(1) + " takes no value", usage);
        }
        return new UsageException(e.getMessage(), usage);
    }
}
