package org.vivarium.api.index;

import java.util.Collection;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A full-text index of the contexts in which features fired, one entry per (feature, context).
 *
 * <p>Query language (Lucene classic syntax with Vivarium field names; no escaping needed):
 * bare words and {@code "phrases"} search the context text; {@code feature:sae/L1/812},
 * {@code feature:sae/L1/*}, {@code source:probe}, {@code model:M}, {@code run:R}, {@code hook:H} match
 * exactly; {@code act>3.0}, {@code act>=3}, {@code act<1}, {@code act:[2 TO 5]}, {@code layer:1},
 * {@code layer>=2} filter numbers; {@code AND}, {@code OR}, {@code NOT} and parentheses combine them.
 * Terms separated by spaces must all match. A blank query or {@code *} matches everything.
 * A malformed query throws {@link org.vivarium.api.VivariumException} with the syntax summary.
 *
 * <pre>{@code
 * try (ContextIndex index = ...) {
 *     index.add(records);
 *     index.commit();
 *     SearchResults r = index.search("doctor feature:sae/L1/812 act>3.0", SearchOptions.defaults());
 *     List<FeatureAggregate> top = index.topFeatures("password", 10);
 * }
 * }</pre>
 *
 * <p>Searches see every record added so far; {@link #commit()} makes them durable. A method that publishes
 * contexts again (a re-fitted probe, a retrained SAE) uses {@link #replace} so the index holds each context once
 * and never mixes an old model's contexts with a new one's:
 *
 * <pre>{@code
 * index.replace("feature:sae/L1/* AND run:" + run + " AND hook:" + hook, records);
 * }</pre>
 */
@ProviderType
public interface ContextIndex extends AutoCloseable {

    /**
     * Adds context records. They become searchable at once and durable at the next {@link #commit()}.
     *
     * @param records the records to add
     * @throws org.vivarium.api.VivariumException if the index is read-only or cannot be written
     */
    void add(Collection<ContextRecord> records);

    /**
     * Deletes the contexts matching a query (the query language of the class description; {@code *} or a blank
     * query deletes everything). The deletion is visible to searches at once and durable at the next
     * {@link #commit()}.
     *
     * @param query which contexts to delete
     * @return how many contexts were deleted
     * @throws org.vivarium.api.VivariumException if the query is malformed or the index is read-only
     * @since 1.1
     */
    long delete(String query);

    /**
     * Replaces a method's earlier contexts: deletes those matching {@code scope}, adds {@code records} and commits,
     * in one commit (a crash leaves either the old contexts or the new ones, never neither).
     *
     * @param scope a query matching what an earlier publication of the same features added; must not be blank
     *     or {@code *}
     * @param records the new contexts
     * @return how many earlier contexts were deleted
     * @throws org.vivarium.api.VivariumException if the scope is blank or malformed, or the index is read-only
     * @since 1.1
     */
    long replace(String scope, Collection<ContextRecord> records);

    /**
     * Makes all added records durable on disk.
     *
     * @throws org.vivarium.api.VivariumException if the index is read-only or cannot be written
     */
    void commit();

    /**
     * Finds the contexts matching a query.
     *
     * @param query the query, see the class description
     * @param options hit count and order
     * @return the matching contexts, highlighted
     * @throws org.vivarium.api.VivariumException if the query is malformed
     */
    SearchResults search(String query, SearchOptions options);

    /**
     * Answers "which features fire most on contexts matching X": groups the matching contexts by
     * feature, ranked by count and then by maximum activation.
     *
     * @param query the query, see the class description
     * @param n the maximum number of features to return
     * @return per-feature aggregates, best first
     * @throws org.vivarium.api.VivariumException if the query is malformed
     */
    List<FeatureAggregate> topFeatures(String query, int n);

    /**
     * Counts the contexts matching a query.
     *
     * @param query the query, see the class description
     * @return the exact number of matching contexts
     * @throws org.vivarium.api.VivariumException if the query is malformed
     */
    long count(String query);

    /** Commits pending records (if writable) and releases the index files. */
    @Override
    void close();
}
