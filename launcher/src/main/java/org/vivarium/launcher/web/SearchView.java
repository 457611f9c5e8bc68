package org.vivarium.launcher.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vivarium.api.index.ContextHit;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.FeatureAggregate;
import org.vivarium.api.index.SearchOptions;
import org.vivarium.api.index.SearchResults;

/**
 * One page of search results with facets by feature: what both {@code /search} and {@code /api/search} show.
 *
 * @param query the query as typed
 * @param range the activation range of the form (applied on top of the query)
 * @param page the 1-based page
 * @param totalHits matching contexts (a lower bound when {@code totalExact} is false)
 * @param totalExact whether the total is exact
 * @param hits the hits of this page
 * @param facets the features that fire most on the matching contexts, with counts
 * @param hasNext whether another page exists (within {@link #MAX_RESULTS})
 */
record SearchView(String query, ActivationRange range, int page, long totalHits, boolean totalExact, List<ContextHit> hits,
                  List<FeatureAggregate> facets, boolean hasNext) {
    /** Hits per page. */
    static final int PAGE_SIZE = 20;
    /** Deepest reachable hit; paging stops there. */
    static final int MAX_RESULTS = 1000;
    /** Facets shown. */
    static final int FACETS = 15;
    /** Characters of context shown around the firing token. */
    static final int WINDOW = 160;
    /** Longest query accepted; a longer one is refused (HTTP 400) before it reaches the index. */
    static final int MAX_QUERY_CHARS = 1000;

    /**
     * Runs the query.
     *
     * @param index the index
     * @param query the query (blank matches everything)
     * @param range the activation range to narrow it to
     * @param page the 1-based page, clamped to the reachable range
     * @return the page
     * @throws org.vivarium.api.VivariumException if the query is malformed or longer than {@link #MAX_QUERY_CHARS}
     * @throws org.vivarium.index.SearchTimeoutException if the search runs past the index's time limit
     */
    static SearchView run(ContextIndex index, String query, ActivationRange range, int page) {
        if (query.length() > MAX_QUERY_CHARS) {
            throw new org.vivarium.api.VivariumException("the query has " + query.length() + " characters; at most "
                    + MAX_QUERY_CHARS + " are accepted", "shorten it: a few words, features and filters are enough");
        }
        int lastPage = MAX_RESULTS / PAGE_SIZE;
        int p = Math.max(1, Math.min(page, lastPage));
        String effective = range.apply(query);
        SearchResults res = index.search(effective, SearchOptions.defaults().withTop(p * PAGE_SIZE));
        List<ContextHit> all = res.hits();
        int from = Math.min(all.size(), (p - 1) * PAGE_SIZE);
        List<ContextHit> hits = all.subList(from, Math.min(all.size(), from + PAGE_SIZE));
        boolean hasNext = p < lastPage && res.totalHits() > (long) p * PAGE_SIZE;
        return new SearchView(query, range, p, res.totalHits(), res.totalExact(), hits,
                index.topFeatures(effective, FACETS),
                hasNext);
    }

    /** @return the JSON body of {@code /api/search} */
    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("query", query);
        root.put("min", range.min());
        root.put("max", range.max());
        root.put("page", page);
        root.put("pageSize", PAGE_SIZE);
        root.put("totalHits", totalHits);
        root.put("totalExact", totalExact);
        root.put("hasNext", hasNext);
        List<Object> list = new ArrayList<>();
        for (ContextHit h : hits) {
            Map<String, Object> o = hitJson(h.record());
            o.put("rank", h.rank());
            o.put("score", h.score());
            o.put("html", h.highlight().window(WINDOW).html());
            list.add(o);
        }
        root.put("hits", list);
        List<Object> f = new ArrayList<>();
        for (FeatureAggregate a : facets) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("feature", a.feature());
            o.put("count", a.count());
            o.put("maxActivation", a.maxActivation());
            o.put("meanActivation", a.meanActivation());
            o.put("url", Html.featureHref(a.feature()));
            f.add(o);
        }
        root.put("facets", f);
        return root;
    }

    static Map<String, Object> hitJson(ContextRecord r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("feature", r.feature());
        o.put("activation", r.activation());
        o.put("model", r.model());
        o.put("run", r.run());
        o.put("hook", r.hook());
        o.put("layer", r.layer());
        o.put("text", r.text());
        o.put("span", List.of(r.spanStart(), r.spanEnd()));
        o.put("token", r.firingToken());
        o.put("url", Html.featureHref(r.feature()));
        return o;
    }
}
