package org.vivarium.cli;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * "Did you mean ...?" for mistyped words: the known words at most a few typing mistakes away (a wrong, missing, extra
 * or swapped character each), in picocli's similarity order first, so that the host's commands and options suggest
 * alike and unrelated words suggest nothing.
 *
 * <pre>{@code
 * Suggestions.of("organsim", List.of("organism", "audit"))    // [organism]
 * Suggestions.hint("--step", List.of("--steps", "--seed"))   // " — did you mean --steps?"
 * }</pre>
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * @param typed what the user typed, e.g. {@code --step} or {@code organsim}
     * @param known the valid words; options with their dashes, e.g. {@code --steps}
     * @return the known words close to {@code typed}, best first; empty when none is close
     */
    public static List<String> of(String typed, Collection<String> known) {
        if (known.contains(typed)) {
            return List.of();
        }
        Set<String> close = new LinkedHashSet<>(ranked(typed, known));
        close.removeIf(k -> !close(typed, k));
        known.stream().filter(k -> close(typed, k)).forEach(close::add);
        return List.copyOf(close);
    }

    /** picocli's own ranking: the known words it would suggest for {@code typed}. */
    private static List<String> ranked(String typed, Collection<String> known) {
        CommandSpec spec = CommandSpec.create().name("viv");
        for (String k : known) {
            if (k.startsWith("-")) {
                spec.addOption(OptionSpec.builder(k).arity("0").type(boolean.class).build());
            } else {
                spec.addSubcommand(k, CommandSpec.create().name(k));
            }
        }
        try {
            new CommandLine(spec).parseArgs(typed);
        } catch (CommandLine.UnmatchedArgumentException e) {
            return e.getSuggestions().stream().filter(known::contains).toList();
        } catch (CommandLine.ParameterException e) {
            return List.of();
        }
        return List.of();
    }

    /**
     * @param typed what the user typed
     * @param known the valid words
     * @return {@code " — did you mean X?"} (or {@code "X or Y?"}), or the empty string when nothing is close
     */
    public static String hint(String typed, Collection<String> known) {
        List<String> close = of(typed, known);
        if (close.isEmpty()) {
            return "";
        }
        List<String> top = close.subList(0, Math.min(3, close.size()));
        return " — did you mean " + (top.size() == 1 ? top.get(0)
                : String.join(", ", top.subList(0, top.size() - 1)) + " or " + top.get(top.size() - 1)) + "?";
    }

    /** Whether {@code b} is within a few edits of {@code a}: one per four characters, at least one, at most three. */
    static boolean close(String a, String b) {
        int allowed = Math.max(1, Math.min(3, Math.min(a.length(), b.length()) / 4));
        return edits(a, b) <= allowed;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    private static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
