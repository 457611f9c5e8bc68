package org.vivarium.plugin.emfinetune.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vivarium.api.VivariumException;

/**
 * Parsed command arguments: {@code --name value} (or {@code --name=value}) options and value-less
 * {@code --flag}s. Positional arguments, unknown or repeated options and missing or malformed values fail with
 * the command's usage.
 */
public final class CommandArgs {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final String usage;

    private CommandArgs(String usage) {
        this.usage = usage;
    }

    /**
     * Parses arguments.
     *
     * @param args the arguments after the command name
     * @param valued option names that take a value, without dashes
     * @param switches flag names that take no value, without dashes
     * @param usage the full usage line, for messages
     * @return the parsed arguments
     * @throws VivariumException for a positional argument, an unknown or repeated option or a missing value
     */
    public static CommandArgs parse(List<String> args, Set<String> valued, Set<String> switches, String usage) {
        CommandArgs a = new CommandArgs(usage);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new VivariumException("unexpected argument \"" + arg + "\"", "usage: " + usage);
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name) && value == null) {
                if (!a.flags.add(name)) {
                    throw new VivariumException("option --" + name + " is given twice", "usage: " + usage);
                }
                continue;
            }
            if (!valued.contains(name)) {
                throw new VivariumException("unknown option --" + name, "usage: " + usage);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new VivariumException("option --" + name + " needs a value", "usage: " + usage);
                }
                value = args.get(++i);
            }
            if (a.options.put(name, value) != null) {
                throw new VivariumException("option --" + name + " is given twice", "usage: " + usage);
            }
        }
        return a;
    }

    /**
     * Returns whether an option was given.
     *
     * @param name the option name
     * @return true if present
     */
    public boolean has(String name) {
        return options.containsKey(name);
    }

    /**
     * Returns an option's value.
     *
     * @param name the option name
     * @param fallback the default, or null
     * @return the value or the default
     */
    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /**
     * Returns a required option's value.
     *
     * @param name the option name
     * @param hint what the value is, for the message
     * @return the value
     * @throws VivariumException if it is missing or blank
     */
    public String require(String name, String hint) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new VivariumException("missing --" + name + " " + hint, "usage: " + usage);
        }
        return v;
    }

    /**
     * Returns whether a flag was given.
     *
     * @param name the flag name
     * @return true if present
     */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * Returns an integer option within bounds.
     *
     * @param name the option name
     * @param fallback the default
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value
     * @throws VivariumException if it is not an integer in range
     */
    public int getInt(String name, int fallback, int min, int max) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new VivariumException("--" + name + " \"" + v + "\" is not an integer from " + min + " to " + max,
                "usage: " + usage);
    }

    /**
     * Returns a long integer option.
     *
     * @param name the option name
     * @param fallback the default
     * @return the value
     * @throws VivariumException if it is not an integer
     */
    public long getLong(String name, long fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new VivariumException("--" + name + " \"" + v + "\" is not an integer", "usage: " + usage, e);
        }
    }

    /**
     * Returns a positive number option.
     *
     * @param name the option name
     * @param fallback the default
     * @return the value
     * @throws VivariumException if it is not a finite number > 0
     */
    public double getPositive(String name, double fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isFinite(d) && d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new VivariumException("--" + name + " \"" + v + "\" is not a number > 0", "usage: " + usage);
    }

    /**
     * Returns a comma-separated list, e.g. {@code blocks.1.mlp.W_out,blocks.1.attn.W_O}; blank entries are
     * dropped.
     *
     * @param name the option name
     * @param fallback the default
     * @return the entries in the order given
     * @throws VivariumException if the list is empty
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
            throw new VivariumException("--" + name + " is empty", "usage: " + usage);
        }
        return List.copyOf(out);
    }
}
