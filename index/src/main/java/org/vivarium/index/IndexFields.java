package org.vivarium.index;

import java.util.Set;

/** Field names of the context index, shared by documents, the query parser and the aggregator. */
public final class IndexFields {
    /** Context text: analysed, stored. */
    public static final String TEXT = "text";
    /** Feature id, exact: indexed, stored, sorted doc values (for grouping). */
    public static final String FEATURE = "feature";
    /** Part of the feature id before the first {@code /}: indexed, exact. */
    public static final String SOURCE = "source";
    /** Activation: float point, float doc values (sorting, aggregation) and stored. */
    public static final String ACT = "act";
    /** Model name, exact. */
    public static final String MODEL = "model";
    /** Run id, exact. */
    public static final String RUN = "run";
    /** Hook name, exact. */
    public static final String HOOK = "hook";
    /** Layer: int point and stored. */
    public static final String LAYER = "layer";
    /** Stored start of the firing token span. */
    public static final String SPAN_START = "span_start";
    /** Stored end of the firing token span. */
    public static final String SPAN_END = "span_end";

    /** Fields matched exactly (keyword analyser, no escaping needed in queries). */
    public static final Set<String> KEYWORDS = Set.of(FEATURE, SOURCE, MODEL, RUN, HOOK);
    /** Numeric fields (comparisons and ranges). */
    public static final Set<String> NUMERIC = Set.of(ACT, LAYER);
    /** Every field a query may name. */
    public static final Set<String> QUERYABLE = Set.of(TEXT, FEATURE, SOURCE, ACT, MODEL, RUN, HOOK, LAYER);

    private IndexFields() {
    }
}
