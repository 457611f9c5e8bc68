package org.vivarium.index.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.vivarium.api.index.ContextHit;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.FeatureAggregate;
import org.vivarium.api.index.SearchResults;

/** Converts search results and feature aggregates to JSON for {@code viv search --json}. */
final class JsonResults {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private JsonResults() {
    }

    /**
     * Renders search results.
     *
     * @param res the results
     * @return pretty-printed JSON with the query, totals and one object per hit
     */
    static String hits(SearchResults res) {
        JsonObject root = new JsonObject();
        root.addProperty("query", res.query());
        root.addProperty("totalHits", res.totalHits());
        root.addProperty("totalExact", res.totalExact());
        JsonArray hits = new JsonArray();
        for (ContextHit h : res.hits()) {
            ContextRecord r = h.record();
            JsonObject o = new JsonObject();
            o.addProperty("rank", h.rank());
            o.addProperty("activation", r.activation());
            o.addProperty("score", h.score());
            o.addProperty("feature", r.feature());
            o.addProperty("source", r.source());
            o.addProperty("model", r.model());
            o.addProperty("run", r.run());
            o.addProperty("hook", r.hook());
            o.addProperty("layer", r.layer());
            o.addProperty("text", r.text());
            JsonArray span = new JsonArray();
            span.add(r.spanStart());
            span.add(r.spanEnd());
            o.add("span", span);
            o.addProperty("token", r.firingToken());
            o.addProperty("highlighted", h.highlight().terminal());
            o.addProperty("html", h.highlight().html());
            hits.add(o);
        }
        root.add("hits", hits);
        return GSON.toJson(root);
    }

    /**
     * Renders feature aggregates.
     *
     * @param query the query
     * @param matching number of contexts matching it
     * @param features the ranked aggregates
     * @return pretty-printed JSON
     */
    static String features(String query, long matching, List<FeatureAggregate> features) {
        JsonObject root = new JsonObject();
        root.addProperty("query", query);
        root.addProperty("matchingContexts", matching);
        JsonArray arr = new JsonArray();
        for (FeatureAggregate f : features) {
            JsonObject o = new JsonObject();
            o.addProperty("feature", f.feature());
            o.addProperty("count", f.count());
            o.addProperty("maxActivation", f.maxActivation());
            o.addProperty("meanActivation", f.meanActivation());
            arr.add(o);
        }
        root.add("features", arr);
        return GSON.toJson(root);
    }
}
