package org.vivarium.cli;

import org.vivarium.api.method.CommandOption;
import picocli.CommandLine.TypeConversionException;

/** Checks one option value against its declared kind and range, with the message the user sees. */
final class Values {
    private Values() {
    }

    /**
     * @param o the declaration
     * @param value the value as typed
     * @return the value unchanged (its typed form is read later by {@link ParsedInput})
     * @throws TypeConversionException naming the option, the value and what is allowed
     */
    static String check(CommandOption o, String value) {
        String v = value.trim();
        switch (o.kind()) {
            case INTEGER -> {
                long min = (long) o.min();
                long max = o.max() >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) o.max();
                if (!v.matches("[+-]?\\d+")) {
                    throw new TypeConversionException("--" + o.name() + " must be a whole number from " + min + " to "
                            + max + ", got \"" + value + "\"");
                }
                try {
                    long l = Long.parseLong(v);
                    if (l >= min && l <= max) {
                        return value;
                    }
                } catch (NumberFormatException e) {
                    // more digits than a long holds: out of range, reported below
                }
                throw outOfRange(o, value, min + " to " + max);
            }
            case NUMBER -> {
                double d;
                try {
                    d = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("--" + o.name() + " must be a number, got \"" + value + "\"");
                }
                if (Double.isFinite(d) && d >= o.min() && d <= o.max()) {
                    return value;
                }
                throw outOfRange(o, value, numberRange(o.min(), o.max()));
            }
            case LIST, PATH -> {
                if ((o.kind() == CommandOption.Kind.LIST ? v.replace(",", "") : v).isBlank()) {
                    throw new TypeConversionException("--" + o.name() + " is empty");
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    private static String numberRange(double min, double max) {
        if (max == Double.MAX_VALUE) {
            return min == -Double.MAX_VALUE ? "any finite number" : min == Double.MIN_VALUE ? "a number above 0"
                    : "a number from " + min + " up";
        }
        return min + " to " + max;
    }

    private static TypeConversionException outOfRange(CommandOption o, String value, String range) {
        return new TypeConversionException("--" + o.name() + " \"" + value + "\" is out of range (allowed: " + range + ")");
    }
}
