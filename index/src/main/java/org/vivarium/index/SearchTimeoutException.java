package org.vivarium.index;

import java.time.Duration;
import java.util.Locale;
import org.vivarium.api.VivariumException;

/**
 * A search stopped because it ran past the index's time limit ({@link LuceneContextIndex#openReadOnly(
 * java.nio.file.Path, Duration)}): the query matched too much to collect in time. No partial result is returned.
 */
public final class SearchTimeoutException extends VivariumException {
    private static final long serialVersionUID = 1L;
    private final transient Duration limit;

    /**
     * @param query the query that was stopped
     * @param limit the time limit it ran past
     */
    public SearchTimeoutException(String query, Duration limit) {
        super(String.format(Locale.ROOT, "the search \"%s\" was stopped after the %s time limit",
                query.length() > 80 ? query.substring(0, 80) + "..." : query, describe(limit)),
                "narrow it (add feature:..., a rarer word, a \"phrase\" or act>X) or try again when the machine is"
                        + " less busy");
        this.limit = limit;
    }

    /** @return the time limit the search ran past */
    public Duration limit() {
        return limit;
    }

    private static String describe(Duration d) {
        return d.toMillis() >= 1000 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
                : d.toMillis() >= 1 ? d.toMillis() + " ms" : d.toNanos() + " ns";
    }
}
