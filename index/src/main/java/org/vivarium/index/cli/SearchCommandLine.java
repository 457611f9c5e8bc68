package org.vivarium.index.cli;

import java.io.PrintStream;
import java.util.List;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.index.FeatureAggregate;
import org.vivarium.api.index.SearchResults;
import org.vivarium.index.LuceneContextIndex;

/**
 * The logic of {@code viv search}: runs the parsed query against the index and prints a ranked table
 * (rank, activation, feature, highlighted context), the per-feature view ({@code --features}) or JSON.
 *
 * <pre>{@code
 * new SearchCommandLine(SearchArgs.parse(List.of("password", "--top", "5")), System.out).run();
 * }</pre>
 */
public final class SearchCommandLine {
    private final SearchArgs args;
    private final PrintStream out;

    /**
     * Creates the command.
     *
     * @param args parsed arguments
     * @param out where results go
     */
    public SearchCommandLine(SearchArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    /**
     * Opens the index at {@link SearchArgs#index()} read-only, runs the search and prints it.
     *
     * @throws org.vivarium.api.VivariumException if there is no index or the query is malformed
     */
    public void run() {
        try (LuceneContextIndex index = LuceneContextIndex.openReadOnly(args.index())) {
            run(index);
        }
    }

    /**
     * Runs the search against an open index and prints it.
     *
     * @param index the index to query
     * @throws org.vivarium.api.VivariumException if the query is malformed
     */
    public void run(ContextIndex index) {
        if (args.features()) {
            long matching = index.count(args.query());
            List<FeatureAggregate> features = index.topFeatures(args.query(), args.options().top());
            if (args.json()) {
                out.println(JsonResults.features(args.query(), matching, features));
            } else {
                new ResultTable(out, args.width()).printFeatures(args.query(), matching, features);
            }
            return;
        }
        SearchResults res = index.search(args.query(), args.options());
        if (args.json()) {
            out.println(JsonResults.hits(res));
        } else {
            new ResultTable(out, args.width()).printHits(res, args.options().sort());
        }
    }
}
