package org.vivarium.index.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The benchmark's query types and a deterministic supply of query strings for each: words from the
 * vocabulary's ranks 10–5,000 (from a few to ~10% of contexts) and features picked uniformly.
 */
public enum QueryMix {
    /** One word in the context text, top 20 by activation. */
    TEXT,
    /** One feature's contexts, top 20 by activation. */
    FEATURE,
    /** One feature and one word. */
    FEATURE_TEXT,
    /** A word plus an activation threshold, sorted by activation. */
    RANGE_SORT,
    /** Which features fire most on contexts containing a word (top 20 features). */
    AGGREGATION;

    /**
     * Generates query strings of this type.
     *
     * @param gen the generator that built the index (for its vocabulary and features)
     * @param random the random source
     * @param n how many queries
     * @return the queries
     */
    public List<String> queries(SyntheticContexts gen, SplittableRandom random, int n) {
        List<String> words = gen.vocabulary().subList(10, Math.min(5000, gen.vocabulary().size()));
        List<String> features = gen.features();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String w = words.get(random.nextInt(words.size()));
            String f = features.get(random.nextInt(features.size()));
            out.add(switch (this) {
                case TEXT, AGGREGATION -> w;
                case FEATURE -> "feature:" + f;
                case FEATURE_TEXT -> "feature:" + f + " AND " + gen.vocabulary().get(random.nextInt(200));
                case RANGE_SORT -> String.format(Locale.ROOT, "%s act>%.1f", w, 2 + 4 * random.nextDouble());
            });
        }
        return out;
    }

    /**
     * Returns the name used in the report.
     *
     * @return e.g. {@code feature+text}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace("_text", "+text").replace("_sort", "+sort");
    }
}
