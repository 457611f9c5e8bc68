package org.vivarium.api.method;

import java.util.Locale;
import java.util.Objects;

/**
 * One {@code --name} option of a command, declared as data: the host turns a command's options into a picocli
 * command spec that parses the arguments, converts and range-checks the values, suggests the closest option for a
 * typo, completes it in the shell and lists it under {@code viv METHOD COMMAND --help}.
 *
 * <pre>{@code
 * public List<CommandOption> options() {
 *     return List.of(
 *             CommandOption.path("data", "FILE.tsv", "labelled prompts, one 'label<TAB>text' a line").required(),
 *             CommandOption.integer("seed", "N", "random seed", 0, Long.MAX_VALUE),
 *             CommandOption.number("holdout", "F", "share of prompts held out", 0, 0.5),
 *             CommandOption.flag("full", "fit every layer"));
 * }
 * }</pre>
 *
 * @param name the option name without dashes, e.g. {@code data}
 * @param kind how its value is read
 * @param label the value's placeholder in help, e.g. {@code FILE.tsv}; empty for a {@link Kind#SWITCH}
 * @param description one line for {@code --help}
 * @param min the smallest allowed value of an {@link Kind#INTEGER} or {@link Kind#NUMBER}
 * @param max the largest allowed value of an {@link Kind#INTEGER} or {@link Kind#NUMBER}
 * @param mandatory whether the command fails without it (see {@link #required()})
 */
public record CommandOption(String name, Kind kind, String label, String description, double min, double max,
        boolean mandatory) {

    /** How an option's value is read. */
    public enum Kind {
        /** No value: present or not. */
        SWITCH,
        /** Any text. */
        TEXT,
        /** A path, resolved against the working directory. */
        PATH,
        /** A whole number from {@code min} to {@code max}; too many digits is out of range, never wrapped. */
        INTEGER,
        /** A finite number from {@code min} to {@code max}. */
        NUMBER,
        /** Comma-separated entries, trimmed, blanks dropped; at least one. */
        LIST
    }

    /**
     * Checks the declaration.
     *
     * @throws IllegalArgumentException if the name is not lower-case words joined by dashes or the range is empty
     */
    public CommandOption {
        Objects.requireNonNull(kind, "kind");
        if (name == null || !name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("option name \"" + name + "\" is not lower-case words joined by dashes");
        }
        if (min > max) {
            throw new IllegalArgumentException("option --" + name + " has an empty range " + min + " to " + max);
        }
        label = kind == Kind.SWITCH ? "" : label == null || label.isBlank() ? name.toUpperCase(Locale.ROOT) : label;
        description = description == null ? "" : description;
    }

    /**
     * @param name the option name without dashes
     * @param description one line for help
     * @return a switch that takes no value
     */
    public static CommandOption flag(String name, String description) {
        return new CommandOption(name, Kind.SWITCH, "", description, 0, 0, false);
    }

    /**
     * @param name the option name without dashes
     * @param label the value's placeholder, e.g. {@code NAME}
     * @param description one line for help
     * @return an option taking any text
     */
    public static CommandOption text(String name, String label, String description) {
        return new CommandOption(name, Kind.TEXT, label, description, 0, 0, false);
    }

    /**
     * @param name the option name without dashes
     * @param label the value's placeholder, e.g. {@code DIR}
     * @param description one line for help
     * @return an option taking a path
     */
    public static CommandOption path(String name, String label, String description) {
        return new CommandOption(name, Kind.PATH, label, description, 0, 0, false);
    }

    /**
     * @param name the option name without dashes
     * @param label the value's placeholder, e.g. {@code N}
     * @param description one line for help
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return an option taking a whole number in {@code [min, max]}
     */
    public static CommandOption integer(String name, String label, String description, long min, long max) {
        return new CommandOption(name, Kind.INTEGER, label, description, min, max, false);
    }

    /**
     * @param name the option name without dashes
     * @param label the value's placeholder, e.g. {@code X}
     * @param description one line for help
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return an option taking a finite number in {@code [min, max]}
     */
    public static CommandOption number(String name, String label, String description, double min, double max) {
        return new CommandOption(name, Kind.NUMBER, label, description, min, max, false);
    }

    /**
     * @param name the option name without dashes
     * @param label the value's placeholder, e.g. {@code A,B}
     * @param description one line for help
     * @return an option taking comma-separated entries
     */
    public static CommandOption list(String name, String label, String description) {
        return new CommandOption(name, Kind.LIST, label, description, 0, 0, false);
    }

    /** @return this option, made mandatory: the host rejects the command line without it */
    public CommandOption required() {
        return new CommandOption(name, kind, label, description, min, max, true);
    }
}
