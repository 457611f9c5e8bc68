package org.vivarium.index.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.api.index.SortOrder;

/**
 * Parsed arguments of {@code viv search "QUERY" [--top N] [--sort activation|relevance] [--features]
 * [--json] [--index DIR] [--width N]}.
 *
 * @param query the query; words given without quotes are joined with spaces
 * @param index the index directory
 * @param options hit count and order
 * @param features whether to show the per-feature aggregation instead of contexts
 * @param json whether to print JSON instead of a table
 * @param width maximum characters of context shown per row
 */
public record SearchArgs(String query, Path index, SearchOptions options, boolean features, boolean json,
        int width) {
    /** The index directory used when {@code --index} is not given. */
    public static final Path DEFAULT_INDEX = Path.of("runs", "index");
    /** Default width of the context column. */
    public static final int DEFAULT_WIDTH = 100;
    /** One-line usage, shown in errors. */
    public static final String USAGE = "viv search \"QUERY\" [--top N] [--sort activation|relevance] [--features]"
            + " [--json] [--index DIR] [--width N]";

    /**
     * Parses command-line arguments (without the {@code search} word itself).
     *
     * @param args the arguments
     * @return the parsed arguments
     * @throws VivariumException on an unknown option or a missing or bad value
     */
    public static SearchArgs parse(List<String> args) {
        List<String> words = new ArrayList<>();
        Path index = DEFAULT_INDEX;
        int top = SearchOptions.DEFAULT_TOP;
        SortOrder sort = SortOrder.ACTIVATION;
        boolean features = false;
        boolean json = false;
        int width = DEFAULT_WIDTH;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--top", "-n" -> top = intValue(a, value(args, ++i, a));
                case "--index" -> index = Path.of(value(args, ++i, a));
                case "--sort" -> sort = sortValue(value(args, ++i, a));
                case "--features" -> features = true;
                case "--json" -> json = true;
                case "--width" -> width = intValue(a, value(args, ++i, a));
                default -> {
                    if (a.startsWith("--")) {
                        throw new VivariumException("unknown option " + a, "usage: " + USAGE);
                    }
                    words.add(a);
                }
            }
        }
        if (width < 20) {
            throw new VivariumException("--width must be at least 20, got " + width, "pass e.g. --width 100");
        }
        return new SearchArgs(String.join(" ", words), index, new SearchOptions(top, sort), features, json, width);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new VivariumException(option + " needs a value", "usage: " + USAGE);
        }
        return args.get(i);
    }

    private static int intValue(String option, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new VivariumException(option + " needs a whole number, got \"" + v + "\"", "e.g. " + option + " 20");
        }
    }

    private static SortOrder sortValue(String v) {
        try {
            return SortOrder.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new VivariumException("unknown sort \"" + v + "\"", "use --sort activation or --sort relevance");
        }
    }
}
