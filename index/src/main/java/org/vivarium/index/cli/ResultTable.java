package org.vivarium.index.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.vivarium.api.index.ContextHit;
import org.vivarium.api.index.FeatureAggregate;
import org.vivarium.api.index.SearchResults;
import org.vivarium.api.index.SortOrder;

/** Prints search results and feature aggregates as aligned plain-text tables. */
final class ResultTable {
    private final PrintStream out;
    private final int width;

    /**
     * Creates a table printer.
     *
     * @param out where to print
     * @param width maximum characters of context per row
     */
    ResultTable(PrintStream out, int width) {
        this.out = out;
        this.width = width;
    }

    /**
     * Prints ranked contexts: rank, activation, feature and the highlighted context.
     *
     * @param res the search results
     * @param sort the order the results are in
     */
    void printHits(SearchResults res, SortOrder sort) {
        out.printf(Locale.ROOT, "%s%,d contexts match %s (top %d by %s)%n", res.totalExact() ? "" : "at least ",
                res.totalHits(), quoted(res.query()), res.hits().size(), sort.name().toLowerCase(Locale.ROOT));
        if (res.hits().isEmpty()) {
            return;
        }
        int fw = Math.max("feature".length(), res.hits().stream()
                .mapToInt(h -> h.record().feature().length()).max().orElse(0));
        String row = "%4s  %8s  %-" + fw + "s  %s%n";
        out.printf(Locale.ROOT, row, "rank", "act", "feature", "context");
        for (ContextHit h : res.hits()) {
            out.printf(Locale.ROOT, row, h.rank(), String.format(Locale.ROOT, "%.3f", h.record().activation()),
                    h.record().feature(), oneLine(h.highlight().window(width).terminal()));
        }
    }

    /**
     * Prints per-feature aggregates: rank, context count, max and mean activation, feature.
     *
     * @param query the query
     * @param matching number of contexts matching it
     * @param features the ranked aggregates
     */
    void printFeatures(String query, long matching, List<FeatureAggregate> features) {
        out.printf(Locale.ROOT, "features firing on the %,d contexts matching %s (top %d by count, then max act)%n",
                matching, quoted(query), features.size());
        if (features.isEmpty()) {
            return;
        }
        String row = "%4s  %9s  %8s  %8s  %s%n";
        out.printf(Locale.ROOT, row, "rank", "contexts", "max act", "mean act", "feature");
        int rank = 1;
        for (FeatureAggregate f : features) {
            out.printf(Locale.ROOT, row, rank++, String.format(Locale.ROOT, "%,d", f.count()),
                    String.format(Locale.ROOT, "%.3f", f.maxActivation()),
                    String.format(Locale.ROOT, "%.3f", f.meanActivation()), f.feature());
        }
    }

    /** Shows line breaks inside a context as {@code ↵}, so each hit stays one row of the table. */
    private static String oneLine(String context) {
        return context.replace("\r\n", "\u21b5").replace('\n', '\u21b5').replace('\r', '\u21b5');
    }

    private static String quoted(String query) {
        return query.isBlank() ? "(everything)" : "\"" + query + "\"";
    }
}
