package org.vivarium.api.index;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vivarium.api.VivariumException;

/**
 * Builds the scope query for {@link ContextIndex#replace}: "every context of these features from the same model and
 * run", so a method that publishes again replaces exactly what it published before.
 *
 * <pre>{@code
 * index.replace(ContextScope.sameFeatures(records), records);
 * }</pre>
 *
 * <p>Meant for a handful of features per (model, run); for thousands (an SAE's latents) scope by prefix instead,
 * e.g. {@code feature:sae/L1/* AND run:R AND hook:H}.
 *
 * @since 1.1
 */
public final class ContextScope {
    /** Most features one scope may name (the index's Boolean clause limit is 1,024). */
    public static final int MAX_FEATURES = 512;

    private ContextScope() {
    }

    /**
     * Returns a query matching every context of the records' features from the records' models and runs.
     *
     * @param records the contexts about to be published (at least one)
     * @return the scope query
     * @throws VivariumException if there are no records, too many features, or a value the query language
     *     cannot hold (whitespace or parentheses)
     */
    public static String sameFeatures(Collection<ContextRecord> records) {
        if (records.isEmpty()) {
            throw new VivariumException("no contexts to scope a replacement by", "publish at least one context");
        }
        Map<String, Set<String>> featuresByModelRun = new LinkedHashMap<>();
        int features = 0;
        for (ContextRecord r : records) {
            String key = "model:" + checked(r.model()) + " AND run:" + checked(r.run());
            if (featuresByModelRun.computeIfAbsent(key, k -> new TreeSet<>()).add(checked(r.feature()))) {
                features++;
            }
        }
        if (features > MAX_FEATURES) {
            throw new VivariumException(features + " features are too many for one replacement scope (at most "
                    + MAX_FEATURES + ")", "scope by a feature prefix instead, e.g. feature:sae/L1/* AND run:R");
        }
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, Set<String>> e : featuresByModelRun.entrySet()) {
            if (q.length() > 0) {
                q.append(" OR ");
            }
            q.append("(").append(e.getKey()).append(" AND (");
            q.append(String.join(" OR ", e.getValue().stream().map(f -> "feature:" + f).toList()));
            q.append("))");
        }
        return q.toString();
    }

    private static String checked(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"') {
                throw new VivariumException("\"" + value + "\" cannot be named in a context query (it holds"
                        + " whitespace, a parenthesis or a quote)", "name models, runs and features without them");
            }
        }
        return value;
    }
}
