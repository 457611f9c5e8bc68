package org.vivarium.api.method;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoublePredicate;
import org.vivarium.api.VivariumException;

/**
 * The parsed arguments of one {@link MethodCommand}: positionals, {@code --name value} (or
 * {@code --name=value}) options that take exactly one value, and value-less {@code --switch}es.
 *
 * <p>Every mistake ends in a {@link VivariumException} whose problem names the option (or argument) and whose
 * fix is {@code usage: } followed by the command's usage line: an unknown option, an option given twice, an
 * option without its value, a switch given a value, a missing required option, a value that does not parse or
 * is out of range, and (for {@link #noPositionals()} and {@link #onlyPositional(String)}) stray or missing
 * positionals. A lone {@code --} and anything not starting with {@code --} is a positional; the word after a
 * valued option is always its value, even when it starts with {@code --}.
 *
 * <pre>{@code
 * static final String USAGE = "viv probes fit CKPT --data FILE.tsv [--seed 1] [--full]";
 *
 * public int run(List<String> args, MethodContext ctx) {
 *     CommandArgs a = CommandArgs.parse(args, Set.of("data", "seed"), Set.of("full"), USAGE);
 *     String ckpt = a.onlyPositional("a checkpoint directory (CKPT)");
 *     Path data = a.requirePath("data", "FILE.tsv (labelled prompts)", ctx.workDir());
 *     long seed = a.getLong("seed", 1);
 *     boolean full = a.flag("full");
 *     ...
 * }
 * }</pre>
 *
 * <p>Instances are immutable once parsed.
 */
public final class CommandArgs {
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final String usage;

    private CommandArgs(String usage) {
        this.usage = usage;
    }

    /**
     * Parses arguments for a command without switches.
     *
     * @param args the arguments after {@code viv METHOD COMMAND}
     * @param valued names of the options that take a value, without dashes, e.g. {@code data}
     * @param usage the full usage line shown with every error, e.g. {@code viv probes fit CKPT --data FILE.tsv}
     * @return the parsed arguments
     * @throws VivariumException for an unknown or repeated option or a missing value
     */
    public static CommandArgs parse(List<String> args, Set<String> valued, String usage) {
        return parse(args, valued, Set.of(), usage);
    }

    /**
     * Parses arguments.
     *
     * @param args the arguments after {@code viv METHOD COMMAND}
     * @param valued names of the options that take a value, without dashes, e.g. {@code data}
     * @param switches names of the options that take no value, without dashes, e.g. {@code full}
     * @param usage the full usage line shown with every error, e.g. {@code viv probes fit CKPT --data FILE.tsv}
     * @return the parsed arguments
     * @throws VivariumException for an unknown or repeated option, a missing value or a switch given a value
     * @throws IllegalArgumentException if a name is both in {@code valued} and in {@code switches}
     */
    public static CommandArgs parse(List<String> args, Set<String> valued, Set<String> switches, String usage) {
        for (String s : switches) {
            if (valued.contains(s)) {
                throw new IllegalArgumentException("option --" + s + " is declared both valued and a switch");
            }
        }
        CommandArgs a = new CommandArgs(usage);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                a.positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name)) {
                if (value != null) {
                    throw a.fail("option --" + name + " takes no value, got \"" + value + "\"");
                }
                if (!a.flags.add(name)) {
                    throw a.fail("option --" + name + " is given twice");
                }
                continue;
            }
            if (!valued.contains(name)) {
                throw a.fail("unknown option --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw a.fail("option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (a.options.put(name, value) != null) {
                throw a.fail("option --" + name + " is given twice");
            }
        }
        return a;
    }

    /**
     * Returns the positional arguments in the order given.
     *
     * @return the positionals, possibly empty
     */
    public List<String> positionals() {
        return List.copyOf(positionals);
    }

    /**
     * Returns the single positional argument.
     *
     * @param what what it is, for the message, e.g. {@code a checkpoint directory (CKPT)}
     * @return the argument
     * @throws VivariumException if there is none or more than one
     */
    public String onlyPositional(String what) {
        if (positionals.isEmpty()) {
            throw fail("missing " + what);
        }
        if (positionals.size() > 1) {
            throw fail("too many arguments " + positionals + "; expected only " + what);
        }
        return positionals.get(0);
    }

    /**
     * Checks that no positional argument was given; call it right after parsing in commands that take only
     * options.
     *
     * @throws VivariumException naming the first positional, if any
     */
    public void noPositionals() {
        if (!positionals.isEmpty()) {
            throw fail("unexpected argument \"" + positionals.get(0) + "\"");
        }
    }

    /**
     * Tells whether a valued option was given.
     *
     * @param name the option name, without dashes
     * @return true if present
     */
    public boolean has(String name) {
        return options.containsKey(name);
    }

    /**
     * Tells whether a switch was given.
     *
     * @param name the switch name, without dashes
     * @return true if present
     */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * Returns an option's value as given.
     *
     * @param name the option name, without dashes
     * @param fallback the value when the option is absent; may be null
     * @return the value or the fallback
     */
    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /**
     * Returns a required option's value.
     *
     * @param name the option name, without dashes
     * @param hint what the value is, for the message, e.g. {@code FILE.tsv (labelled prompts)}
     * @return the value, never blank
     * @throws VivariumException if the option is absent or blank
     */
    public String require(String name, String hint) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw fail("missing --" + name + " " + hint);
        }
        return v;
    }

    /**
     * Returns a path option resolved against a working directory and normalised.
     *
     * @param name the option name, without dashes
     * @param workDir the directory a relative path resolves against, usually {@link MethodContext#workDir()}
     * @return the path, or empty if the option is absent
     * @throws VivariumException if the value is blank or not a valid path
     */
    public Optional<Path> path(String name, Path workDir) {
        String v = options.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isBlank()) {
            throw fail("--" + name + " is empty");
        }
        return Optional.of(resolve(name, v, workDir));
    }

    /**
     * Returns a required path option resolved against a working directory and normalised.
     *
     * @param name the option name, without dashes
     * @param hint what the path is, for the message, e.g. {@code DIR (the LoRA adapter directory)}
     * @param workDir the directory a relative path resolves against, usually {@link MethodContext#workDir()}
     * @return the path
     * @throws VivariumException if the option is absent or blank, or not a valid path
     */
    public Path requirePath(String name, String hint, Path workDir) {
        return resolve(name, require(name, hint), workDir);
    }

    /**
     * Returns an integer option.
     *
     * @param name the option name, without dashes
     * @param fallback the value when the option is absent
     * @return the value
     * @throws VivariumException if it is not an integer
     */
    public int getInt(String name, int fallback) {
        return getInt(name, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Returns an integer option within bounds.
     *
     * @param name the option name, without dashes
     * @param fallback the value when the option is absent (not checked against the bounds)
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value
     * @throws VivariumException if it is not an integer from {@code min} to {@code max}
     */
    public int getInt(String name, int fallback, int min, int max) {
        return (int) getLong(name, fallback, min, max);
    }

    /**
     * Returns a long integer option.
     *
     * @param name the option name, without dashes
     * @param fallback the value when the option is absent
     * @return the value
     * @throws VivariumException if it is not an integer
     */
    public long getLong(String name, long fallback) {
        return getLong(name, fallback, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Returns a long integer option within bounds, e.g. {@code a.getLong("steps", 1000, 1, 10_000_000)}.
     *
     * @param name the option name, without dashes
     * @param fallback the value when the option is absent (not checked against the bounds)
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value
     * @throws VivariumException naming the option, the value and the allowed range if it is not an integer from
     *         {@code min} to {@code max} (values too large for a {@code long} are out of range, never wrapped)
     */
    public long getLong(String name, long fallback, long min, long max) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        String digits = v.trim();
        if (!digits.matches("[+-]?[0-9]+")) {
            throw fail("--" + name + " \"" + v + "\" is not an integer" + range(min, max));
        }
        try {
            long l = Long.parseLong(digits);
            if (l >= min && l <= max) {
                return l;
            }
        } catch (NumberFormatException e) {
            // more digits than a long holds: out of range, reported below
        }
        throw fail("--" + name + " \"" + v + "\" is not an integer from " + min + " to " + max);
    }

    /**
     * Returns a number option within bounds (inclusive), e.g. {@code a.getDouble("holdout", 0.05, 0, 0.5)}.
     *
     * @param name the option name, without dashes
     * @param fallback the value when the option is absent (not checked against the bounds)
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value
     * @throws VivariumException naming the option, the value and the allowed range if it is not a finite number
     *         from {@code min} to {@code max}
     */
    public double getDouble(String name, double fallback, double min, double max) {
        return number(name, fallback, d -> d >= min && d <= max, "a number from " + min + " to " + max);
    }

    /**
     * Returns a number option.
     *
     * @param name the option name, without dashes
     * @param fallback the value when the option is absent
     * @return the value
     * @throws VivariumException if it is not a finite number
     */
    public double getDouble(String name, double fallback) {
        return number(name, fallback, d -> true, "a number");
    }

    /**
     * Returns a number option that must not be negative.
     *
     * @param name the option name, without dashes
     * @param fallback the value when the option is absent
     * @return the value
     * @throws VivariumException if it is not a finite number {@code >= 0}
     */
    public double getNonNegative(String name, double fallback) {
        return number(name, fallback, d -> d >= 0, "a number >= 0");
    }

    /**
     * Returns a number option that must be positive.
     *
     * @param name the option name, without dashes
     * @param fallback the value when the option is absent
     * @return the value
     * @throws VivariumException if it is not a finite number {@code > 0}
     */
    public double getPositive(String name, double fallback) {
        return number(name, fallback, d -> d > 0, "a number > 0");
    }

    /**
     * Returns a comma-separated list, e.g. {@code blocks.1.mlp.W_out,blocks.1.attn.W_O}; entries are trimmed
     * and blank entries dropped.
     *
     * @param name the option name, without dashes
     * @param fallback the value when the option is absent
     * @return the entries in the order given
     * @throws VivariumException if the option is given with no entries
     */
    public List<String> getList(String name, List<String> fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        if (out.isEmpty()) {
            throw fail("--" + name + " is empty");
        }
        return List.copyOf(out);
    }

    /**
     * Returns a comma-separated list of finite numbers, e.g. {@code 0,2,4.5}; blank entries are dropped.
     *
     * @param name the option name, without dashes
     * @param fallback the value when the option is absent
     * @return the numbers in the order given
     * @throws VivariumException if the option is given with no entries or an entry is not a finite number
     */
    public List<Double> getNumbers(String name, List<Double> fallback) {
        if (!options.containsKey(name)) {
            return fallback;
        }
        List<Double> out = new ArrayList<>();
        for (String entry : getList(name, List.of())) {
            out.add(parseFinite(entry).orElseThrow(
                    () -> fail("--" + name + " entry \"" + entry + "\" is not a number")));
        }
        return List.copyOf(out);
    }

    private static String range(long min, long max) {
        boolean unbounded = min == Long.MIN_VALUE && max == Long.MAX_VALUE
                || min == Integer.MIN_VALUE && max == Integer.MAX_VALUE;
        return unbounded ? "" : " from " + min + " to " + max;
    }

    private double number(String name, double fallback, DoublePredicate ok, String what) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        return parseFinite(v).filter(ok::test).orElseThrow(() -> fail("--" + name + " \"" + v + "\" is not " + what));
    }

    private static Optional<Double> parseFinite(String text) {
        try {
            double d = Double.parseDouble(text.trim());
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Path resolve(String name, String value, Path workDir) {
        try {
            return workDir.resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw new VivariumException("--" + name + " \"" + value + "\" is not a valid path", "usage: " + usage, e);
        }
    }

    private VivariumException fail(String problem) {
        return new VivariumException(problem, "usage: " + usage);
    }
}
