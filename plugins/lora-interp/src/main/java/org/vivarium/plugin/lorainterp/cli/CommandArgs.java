package org.vivarium.plugin.lorainterp.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vivarium.api.VivariumException;

/**
 * Parsed {@code --name value} (or {@code --name=value}) options. Positional arguments, unknown or repeated
 * options and missing or malformed values fail with the command's usage.
 */
public final class CommandArgs {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final String usage;

    private CommandArgs(String usage) {
        this.usage = usage;
    }

    /**
     * Parses arguments.
     *
     * @param args the arguments after the command name
     * @param valued option names, without dashes
     * @param usage the full usage line, for messages
     * @return the options
     * @throws VivariumException for a positional argument, an unknown or repeated option or a missing value
     */
    public static CommandArgs parse(List<String> args, Set<String> valued, String usage) {
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
     * Returns an option's value.
     *
     * @param name the option name
     * @return the value, or null if absent
     */
    public String get(String name) {
        return options.get(name);
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
}
