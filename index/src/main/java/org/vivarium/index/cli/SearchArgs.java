package org.vivarium.index.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.api.index.SortOrder;
import org.vivarium.api.method.CommandInput;
import org.vivarium.api.method.CommandOption;
import org.vivarium.cli.CommandParser;

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
    /** The most hits one search may show. */
    public static final int MAX_TOP = 100_000;
    /** The widest context column. */
    public static final int MAX_WIDTH = 10_000;
    /** One-line usage, shown in errors. */
    public static final String USAGE = "viv search \"QUERY\" [--top N] [--sort activation|relevance] [--features]"
            + " [--json] [--index DIR] [--width N]";

    /** The options of {@code viv search}, parsed and range-checked by the shared picocli parser. */
    public static final List<CommandOption> OPTIONS = List.of(
            CommandOption.integer("top", "N", "hits shown (default " + SearchOptions.DEFAULT_TOP + ")", 1, MAX_TOP),
            CommandOption.text("sort", "activation|relevance", "order of the hits (default activation)"),
            CommandOption.flag("features", "per-feature counts instead of contexts"),
            CommandOption.flag("json", "JSON instead of a table"),
            CommandOption.path("index", "DIR", "the context index (default runs/index)"),
            CommandOption.integer("width", "N", "characters of context per row (default " + DEFAULT_WIDTH + ")", 20,
                    MAX_WIDTH));

    /**
     * Parses command-line arguments (without the {@code search} word itself).
     *
     * @param args the arguments
     * @return the parsed arguments
     * @throws VivariumException on an unknown option or a missing or bad value
     */
    public static SearchArgs parse(List<String> args) {
        CommandInput in = CommandParser.parse(args, OPTIONS, USAGE);
        Path index = in.has("index") ? Path.of(in.get("index", "")) : DEFAULT_INDEX;
        return new SearchArgs(String.join(" ", in.positionals()), index,
                new SearchOptions(in.getInt("top", SearchOptions.DEFAULT_TOP), sortValue(in.get("sort", "activation"))),
                in.flag("features"), in.flag("json"), in.getInt("width", DEFAULT_WIDTH));
    }

    private static SortOrder sortValue(String v) {
        try {
            return SortOrder.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new VivariumException("unknown sort \"" + v + "\"", "use --sort activation or --sort relevance");
        }
    }
}
