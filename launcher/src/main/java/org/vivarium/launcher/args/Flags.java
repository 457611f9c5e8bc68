package org.vivarium.launcher.args;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vivarium.launcher.cli.UsageException;

/**
 * Parses {@code --name value}, {@code --name=value} and {@code --switch} flags plus positional
 * arguments, rejecting unknown flags with the list of known ones.
 *
 * <pre>{@code
 * Flags f = Flags.parse(args, Set.of("seed", "steps", "out"), Set.of("resume"), usage);
 * long seed = f.longValue("seed", 1);
 * }</pre>
 */
public final class Flags {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> switches = new TreeSet<>();
    private final List<String> positional = new ArrayList<>();
    private final String usage;

    private Flags(String usage) {
        this.usage = usage;
    }

    /**
     * Parses arguments.
     *
     * @param args the arguments
     * @param valued flags that take a value
     * @param booleans flags that take none
     * @param usage usage text for error messages
     * @return the parsed flags
     * @throws UsageException on an unknown flag or a missing value
     */
    public static Flags parse(List<String> args, Set<String> valued, Set<String> booleans, String usage) {
        Flags f = new Flags(usage);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (booleans.contains(name) && value == null) {
                    f.switches.add(name);
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("--" + name + " needs a value", usage);
                        }
                        value = args.get(++i);
                    }
                    f.values.put(name, value);
                } else {
                    Set<String> known = new TreeSet<>(valued);
                    known.addAll(booleans);
                    throw new UsageException("unknown option --" + name + " (known: --" + String.join(", --", known)
                            + ")", usage);
                }
            } else {
                f.positional.add(a);
            }
        }
        return f;
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
