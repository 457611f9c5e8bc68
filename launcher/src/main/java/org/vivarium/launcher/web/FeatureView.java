package org.vivarium.launcher.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vivarium.api.VivariumException;
import org.vivarium.api.index.ContextHit;
import org.vivarium.api.index.ContextIndex;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.FeatureAggregate;
import org.vivarium.api.index.SearchOptions;

/**
 * One feature as the index, the activation cache and its artifacts know it: its top contexts by activation, a
 * histogram of its activations over the cached tokens of its run ({@link CacheHistogram}) or, when the cache lacks
 * the run, over its indexed contexts (up to {@link #HISTOGRAM_LIMIT}), its kind with the fields of that kind, and the tokens its
 * direction promotes and suppresses ({@link FeatureArtifacts}).
 *
 * @param feature the feature id
 * @param stats count, max and mean activation
 * @param top the top contexts, highest activation first
 * @param histogram the activation histogram
 * @param fromCache whether the histogram comes from the activation cache ({@link CacheHistogram}) rather than the
 *     index's top contexts
 * @param histogramTokens how many cached tokens the histogram covers (0 when it comes from the index)
 * @param histogramNote where the histogram comes from, and when it comes from the index why the cache was not used
 * @param output kind, fields and output tokens
 */
record FeatureView(String feature, FeatureAggregate stats, List<ContextHit> top, Histogram histogram,
                   boolean fromCache, long histogramTokens, String histogramNote, FeatureOutput output) {
    /** Top contexts shown. */
    static final int TOP = 50;
    /** Most contexts read for the histogram. */
    static final int HISTOGRAM_LIMIT = 5000;
    /** Histogram bins. */
    static final int BINS = 20;
    /** Feature ids the page accepts: SOURCE/REST, segments of letters, digits and {@code _ . @ + -}. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.@+-]+(/[A-Za-z0-9_.@+-]+)+");

    /**
     * Loads a feature.
     *
     * @param index the index
     * @param feature the feature id
     * @param artifacts where the feature's direction and checkpoint are found
     * @return the view
     * @throws VivariumException if the id is not a plain feature id (no wildcards or query syntax)
     * @throws PageServlet.NotFound if the index has no context of the feature
     */
    static FeatureView load(ContextIndex index, String feature, FeatureArtifacts artifacts) {
        if (feature == null || feature.length() > 200 || !ID.matcher(feature).matches()) {
            throw new VivariumException("\"" + feature + "\" is not a feature id",
                    "feature ids look like sae/L1/812 or neuron/L0/12 (no wildcards or spaces)");
        }
        String q = "feature:" + feature;
        List<FeatureAggregate> agg = index.topFeatures(q, 1);
        if (agg.isEmpty()) {
            throw new PageServlet.NotFound("no contexts of feature " + feature + " in the index");
        }
        FeatureAggregate stats = agg.get(0);
        int n = (int) Math.min(stats.count(), HISTOGRAM_LIMIT);
        List<ContextHit> hits = index.search(q, SearchOptions.defaults().withTop(Math.max(1, n))).hits();
        float[] acts = new float[hits.size()];
        for (int i = 0; i < acts.length; i++) {
            acts[i] = hits.get(i).record().activation();
        }
        if (hits.isEmpty()) {
            throw new PageServlet.NotFound("no contexts of feature " + feature + " in the index");
        }
        ContextRecord sample = hits.get(0).record();
        CacheHistogram.Result cached = artifacts.cache().of(feature, sample, artifacts, BINS);
        List<ContextHit> top = hits.subList(0, Math.min(TOP, hits.size()));
        if (cached.histogram() != null) {
            return new FeatureView(feature, stats, top, cached.histogram(), true, cached.tokens(), cached.note(),
                    artifacts.resolve(feature, sample));
        }
        String indexed = acts.length < stats.count() ? "the top " + acts.length + " of " + stats.count()
                + " indexed contexts" : "all " + acts.length + " indexed contexts";
        return new FeatureView(feature, stats, top, Histogram.of(acts, BINS), false, 0, "from the index ("
                + indexed + "), not the cache: " + cached.note(), artifacts.resolve(feature, sample));
    }

    /** @return the JSON body of {@code /api/feature/{id}} */
    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("feature", feature);
        root.put("count", stats.count());
        root.put("maxActivation", stats.maxActivation());
        root.put("meanActivation", stats.meanActivation());
        List<Object> contexts = new ArrayList<>();
        for (ContextHit h : top) {
            Map<String, Object> o = SearchView.hitJson(h.record());
            o.put("rank", h.rank());
            o.put("html", h.highlight().window(SearchView.WINDOW).html());
            contexts.add(o);
        }
        root.put("contexts", contexts);
        Map<String, Object> h = histogram.json();
        h.put("source", fromCache ? "cache" : "index");
        h.put("tokens", fromCache ? histogramTokens : null);
        h.put("note", histogramNote);
        root.put("histogram", h);
        root.putAll(output.json());
        return root;
    }
}
