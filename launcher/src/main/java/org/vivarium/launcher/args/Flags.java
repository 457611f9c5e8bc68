package org.vivarium.launcher.args;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vivarium.launcher.cli.Suggestions;
import org.vivarium.launcher.cli.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The parsed options of one launcher command: picocli reads {@code --name value}, {@code --name=value} and
 * {@code --switch} flags plus positional arguments, rejects unknown flags with a "did you mean" suggestion, and this
 * class checks values against their ranges ({@link Limits}) with one-line {@link UsageException}s.
 *
 * <pre>{@code
 * Flags f = Flags.parse(args, Set.of("seed", "steps", "out"), Set.of("resume"), usage);
 * long seed = f.longValue("seed", 1);
 * }</pre>
 */
public final class Flags {
    private static final Pattern SWITCH_WITH_VALUE = Pattern.compile("option '(--[^']+)' should be specified without");

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> switches = new TreeSet<>();
    private final List<String> positional = new ArrayList<>();
    private final String usage;

    private Flags(String usage) {
        this.usage = usage;
    }

    /**
     * Parses arguments; an option given twice keeps its last value.
     *
     * @param args the arguments
     * @param valued flags that take a value
     * @param booleans flags that take none
     * @param usage usage text for error messages
     * @return the parsed flags
     * @throws UsageException on an unknown flag (with the closest known ones), a missing value or a switch given a
     *     value
     */
    public static Flags parse(List<String> args, Set<String> valued, Set<String> booleans, String usage) {
        CommandSpec spec = spec(valued, booleans);
        CommandLine line = new CommandLine(spec).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
        ParseResult result;
        try {
            result = line.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw problem(e, spec, usage);
        }
        Flags f = new Flags(usage);
        for (String name : valued) {
            if (result.hasMatchedOption("--" + name)) {
                f.values.put(name, result.matchedOptionValue("--" + name, ""));
            }
        }
        for (String name : booleans) {
            if (result.hasMatchedOption("--" + name)) {
                f.switches.add(name);
            }
        }
        if (result.hasMatchedPositional(0)) {
            f.positional.addAll(spec.positionalParameters().get(0).stringValues());
        }
        return f;
    }

    /**
     * The picocli model of a command's flags, e.g. for shell completion.
     *
     * @param valued flags that take a value
     * @param booleans flags that take none
     * @return a command spec with one option per flag and any number of positional arguments
     */
    public static CommandSpec spec(Set<String> valued, Set<String> booleans) {
        CommandSpec spec = CommandSpec.create();
        for (String name : new TreeSet<>(valued)) {
            spec.addOption(OptionSpec.builder("--" + name).arity("1").type(String.class).paramLabel(
                    name.toUpperCase(Locale.ROOT)).build());
        }
        for (String name : new TreeSet<>(booleans)) {
            spec.addOption(OptionSpec.builder("--" + name).arity("0").type(boolean.class).build());
        }
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("1").type(List.class).auxiliaryTypes(String.class).build());
        return spec;
    }

    private static UsageException problem(CommandLine.ParameterException e, CommandSpec spec, String usage) {
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
            return new UsageException(o.longestName() + " needs a value", usage);
        }
        Matcher withValue = SWITCH_WITH_VALUE.matcher(String.valueOf(e.getMessage()));
        if (e instanceof CommandLine.MaxValuesExceededException && withValue.find()) {
            return new UsageException(withValue.group(1) + " takes no value", usage);
        }
        return new UsageException(e.getMessage(), usage);
    }

    /** @return positional arguments in order */
    public List<String> positional() {
        return List.copyOf(positional);
    }

    /**
     * Returns a positional argument.
     *
     * @param i index
     * @param what its name, for the error message
     * @return the value
     */
    public String positional(int i, String what) {
        if (i >= positional.size()) {
            throw new UsageException("missing " + what, usage);
        }
        return positional.get(i);
    }

    /**
     * @param name switch name
     * @return whether it was given
     */
    public boolean has(String name) {
        return switches.contains(name) || values.containsKey(name);
    }

    /**
     * @param name flag
     * @param dflt default
     * @return the value or the default
     */
    public String string(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    /**
     * @param name flag
     * @param dflt default
     * @return the value as a path, or the default
     */
    public Path path(String name, Path dflt) {
        String v = values.get(name);
        return v == null ? dflt : Path.of(v);
    }

    /**
     * Returns a whole-number flag; values outside the {@code int} range are rejected rather than wrapped.
     *
     * @param name flag
     * @param dflt default
     * @return the value as an int
     * @throws UsageException if the value is not a whole number or does not fit an {@code int}
     */
    public int intValue(String name, int dflt) {
        return intValue(name, dflt, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Returns a whole-number flag within bounds.
     *
     * @param name flag
     * @param dflt default, returned when the flag is absent (not checked against the bounds)
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value as an int
     * @throws UsageException naming the flag, the value and the allowed range
     */
    public int intValue(String name, int dflt, int min, int max) {
        return (int) longValue(name, dflt, min, max);
    }

    /**
     * Returns a whole-number flag; values outside the {@code long} range are rejected.
     *
     * @param name flag
     * @param dflt default
     * @return the value as a long
     * @throws UsageException if the value is not a whole number or does not fit a {@code long}
     */
    public long longValue(String name, long dflt) {
        return longValue(name, dflt, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Returns a whole-number flag within bounds, e.g. {@code f.longValue("steps", 0, 1, 10_000_000)}.
     *
     * @param name flag
     * @param dflt default, returned when the flag is absent (not checked against the bounds)
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value as a long
     * @throws UsageException naming the flag, the value and the allowed range
     */
    public long longValue(String name, long dflt, long min, long max) {
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        String t = v.trim();
        if (!t.matches("[+-]?\\d+")) {
            throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + ", got \""
                    + v + "\"", usage);
        }
        try {
            long l = Long.parseLong(t);
            if (l >= min && l <= max) {
                return l;
            }
        } catch (NumberFormatException e) {
            // too many digits for a long: out of range, reported below
        }
        throw outOfRange(name, v, min + " to " + max);
    }

    /**
     * Returns a number flag; NaN and infinities are rejected.
     *
     * @param name flag
     * @param dflt default
     * @return the value as a float
     * @throws UsageException if the value is not a finite number
     */
    public float floatValue(String name, float dflt) {
        return floatValue(name, dflt, -Float.MAX_VALUE, Float.MAX_VALUE);
    }

    /**
     * Returns a number flag within bounds (inclusive), e.g. {@code f.floatValue("temperature", 0f, 0f, 100f)}.
     *
     * @param name flag
     * @param dflt default, returned when the flag is absent (not checked against the bounds)
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value as a float
     * @throws UsageException naming the flag, the value and the allowed range
     */
    public float floatValue(String name, float dflt, float min, float max) {
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        float f;
        try {
            f = Float.parseFloat(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got \"" + v + "\"", usage);
        }
        if (Float.isFinite(f) && f >= min && f <= max) {
            return f;
        }
        throw outOfRange(name, v, min == -Float.MAX_VALUE && max == Float.MAX_VALUE ? "any finite number"
                : min + " to " + max);
    }

    private UsageException outOfRange(String name, String value, String range) {
        return new UsageException("--" + name + " \"" + value + "\" is out of range (allowed: " + range + ")", usage);
    }
}
