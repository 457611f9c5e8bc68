package org.vivarium.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import picocli.CommandLine.ParseResult;

/** A {@link CommandInput} read from a picocli parse result whose values {@link Values} has already checked. */
final class ParsedInput implements CommandInput {
    private final Map<String, CommandOption> declared = new HashMap<>();
    private final Map<String, String> values = new HashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private final String usage;

    ParsedInput(ParseResult result, List<CommandOption> options, String usage) {
        this.usage = usage;
        for (CommandOption o : options) {
            declared.put(o.name(), o);
            if (result.hasMatchedOption("--" + o.name())) {
                values.put(o.name(), o.kind() == CommandOption.Kind.SWITCH ? ""
                        : result.matchedOptionValue("--" + o.name(), ""));
            }
        }
        if (result.hasMatchedPositional(0)) {
            positionals.addAll(result.commandSpec().positionalParameters().get(0).stringValues());
        }
    }

    @Override
    public List<String> positionals() {
        return List.copyOf(positionals);
    }

    @Override
    public String positional(int index, String what) {
        if (index >= positionals.size()) {
            throw new UsageException("missing " + what, usage);
        }
        return positionals.get(index);
    }

    @Override
    public String onlyPositional(String what) {
        if (positionals.isEmpty()) {
            throw new UsageException("missing " + what, usage);
        }
        if (positionals.size() > 1) {
            throw new UsageException("too many arguments " + positionals + "; expected only " + what, usage);
        }
        return positionals.get(0);
    }

    @Override
    public void noPositionals() {
        if (!positionals.isEmpty()) {
            throw new UsageException("unexpected argument \"" + positionals.get(0) + "\"", usage);
        }
    }

    @Override
    public boolean has(String name) {
        return values.containsKey(declared(name).name());
    }

    @Override
    public boolean flag(String name) {
        return has(name);
    }

    @Override
    public String get(String name, String fallback) {
        return values.getOrDefault(declared(name).name(), fallback);
    }

    @Override
    public String require(String name) {
        String v = get(name, null);
        if (v == null || v.isBlank()) {
            CommandOption o = declared(name);
            throw new UsageException("missing --" + name + " " + o.label()
                    + (o.description().isEmpty() ? "" : " (" + o.description() + ")"), usage);
        }
        return v;
    }

    @Override
    public Optional<Path> path(String name, Path workDir) {
        String v = get(name, null);
        return v == null ? Optional.empty() : Optional.of(resolve(name, v, workDir));
    }

    @Override
    public Path requirePath(String name, Path workDir) {
        return resolve(name, require(name), workDir);
    }

    @Override
    public long getLong(String name, long fallback) {
        String v = get(name, null);
        return v == null ? fallback : Long.parseLong(v.trim());
    }

    @Override
    public int getInt(String name, int fallback) {
        CommandOption o = declared(name);
        if (o.min() < Integer.MIN_VALUE || o.max() > Integer.MAX_VALUE) {
            throw new IllegalStateException("--" + name + " is declared with a range wider than an int: use getLong");
        }
        return (int) getLong(name, fallback);
    }

    @Override
    public double getDouble(String name, double fallback) {
        String v = get(name, null);
        return v == null ? fallback : Double.parseDouble(v.trim());
    }

    @Override
    public List<String> getList(String name, List<String> fallback) {
        String v = get(name, null);
        if (v == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Double> getNumbers(String name, List<Double> fallback) {
        if (!has(name)) {
            return fallback;
        }
        List<Double> out = new ArrayList<>();
        for (String entry : getList(name, List.of())) {
            double d;
            try {
                d = Double.parseDouble(entry);
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
            if (!Double.isFinite(d)) {
                throw new UsageException("--" + name + " entry \"" + entry + "\" is not a number", usage);
            }
            out.add(d);
        }
        return List.copyOf(out);
    }

    private CommandOption declared(String name) {
        CommandOption o = declared.get(name);
        if (o == null) {
            throw new IllegalArgumentException("option --" + name + " is not declared by this command");
        }
        return o;
    }

    private Path resolve(String name, String value, Path workDir) {
        try {
            return workDir.resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("--" + name + " \"" + value + "\" is not a valid path", usage);
        }
    }
}
