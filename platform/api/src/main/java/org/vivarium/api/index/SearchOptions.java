package org.vivarium.api.index;

import java.util.Objects;
import org.vivarium.api.VivariumException;

/**
 * How many results to return and in which order.
 *
 * @param top the maximum number of hits to return, at least 1
 * @param sort the result order
 */
public record SearchOptions(int top, SortOrder sort) {
    /** The default number of hits. */
    public static final int DEFAULT_TOP = 20;

    /**
     * Validates the options.
     *
     * @throws VivariumException if {@code top} is not positive
     */
    public SearchOptions {
        Objects.requireNonNull(sort, "sort");
        if (top < 1) {
            throw new VivariumException("--top must be at least 1, got " + top, "pass e.g. --top 20");
        }
    }

    /**
     * Returns the defaults: the top {@value #DEFAULT_TOP} hits by activation.
     *
     * @return default options
     */
    public static SearchOptions defaults() {
        return new SearchOptions(DEFAULT_TOP, SortOrder.ACTIVATION);
    }

    /**
     * Returns a copy with another hit count.
     *
     * @param n the maximum number of hits
     * @return the new options
     */
    public SearchOptions withTop(int n) {
        return new SearchOptions(n, sort);
    }

    /**
     * Returns a copy with another order.
     *
     * @param order the result order
     * @return the new options
     */
    public SearchOptions withSort(SortOrder order) {
        return new SearchOptions(top, order);
    }
}
