package org.vivarium.plugin.probes.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vivarium.api.VivariumException;

/**
 * Parsed command arguments: positionals plus {@code --name value} (or {@code --name=value}) options,
 * each option taking exactly one value. Unknown options and missing or malformed values fail with the
 * command's usage.
 */
public final class CommandArgs {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final String usage;

    private CommandArgs(String usage) {
        this.usage = usage;
    }

    /**
     * Parses arguments.
     *
     * @param args the arguments after the command name
     * @param known option names without dashes, e.g. {@code data}
     * @param usage the full usage line, e.g. {@code viv probes fit CKPT --data FILE.tsv}, for messages
     * @return the parsed arguments
     * @throws VivariumException for an unknown option, a repeated option or a missing value
     */
    public static CommandArgs parse(List<String> args, Set<String> known, String usage) {
        CommandArgs a = new CommandArgs(usage);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                a.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!known.contains(name)) {
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
     * Returns the single positional argument.
     *
     * @param what what it is, for the message, e.g. {@code a checkpoint directory}
     * @return the argument
     * @throws VivariumException if there is not exactly one
     */
    public String onlyPositional(String what) {
        if (positional.size() != 1) {
            throw new VivariumException((positional.isEmpty() ? "missing " : "too many arguments " + positional
                    + "; expected only ") + what, "usage: " + usage);
        }
        return positional.get(0);
    }

    /**
     * Returns an option's value.
     *
     * @param name the option name without dashes
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
     * @throws VivariumException if it is missing
     */
    public String require(String name, String hint) {
        String v = options.get(name);
        if (v == null) {
            throw new VivariumException("missing --" + name + " " + hint, "usage: " + usage);
        }
        return v;
    }

    /**
     * Returns a numeric option.
     *
     * @param name the option name
     * @param fallback the default
     * @return the parsed value
     * @throws VivariumException if it is not a finite number
     */
    public double getDouble(String name, double fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new VivariumException("--" + name + " \"" + v + "\" is not a number", "usage: " + usage);
    }

    /**
     * Returns an integer option.
     *
     * @param name the option name
     * @param fallback the default
     * @return the parsed value
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
            throw new VivariumException("--" + name + " \"" + v + "\" is not an integer", "usage: " + usage);
        }
    }
}
