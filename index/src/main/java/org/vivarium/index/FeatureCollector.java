package org.vivarium.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Groups matching documents by feature using doc values: per segment it accumulates count, max and
 * sum by feature ordinal, then folds the non-empty ordinals into a map keyed by feature id.
 */
final class FeatureCollector extends SimpleCollector {
    private final Map<String, FeatureTotals> totals = new HashMap<>();
    private SortedDocValues features;
    private NumericDocValues activations;
    private int[] counts;
    private float[] max;
    private double[] sum;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        features = DocValues.getSorted(context.reader(), IndexFields.FEATURE);
        activations = DocValues.getNumeric(context.reader(), IndexFields.ACT);
        int ords = features.getValueCount();
        counts = new int[ords];
        max = new float[ords];
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        sum = new double[ords];
    }

    @Override
    public void collect(int doc) throws IOException {
        if (!features.advanceExact(doc)) {
            return;
        }
        int ord = features.ordValue();
        float act = activations.advanceExact(doc) ? Float.intBitsToFloat((int) activations.longValue()) : 0f;
        counts[ord]++;
        sum[ord] += act;
        if (act > max[ord]) {
            max[ord] = act;
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /**
     * Returns the totals of every feature seen so far.
     *
     * @return feature id to totals
     * @throws IOException if the doc values cannot be read
     */
    Map<String, FeatureTotals> totals() throws IOException {
        flush();
        return totals;
    }

    private void flush() throws IOException {
        if (counts == null) {
            return;
        }
        for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] > 0) {
                String feature = features.lookupOrd(ord).utf8ToString();
                totals.computeIfAbsent(feature, f -> new FeatureTotals()).add(counts[ord], max[ord], sum[ord]);
            }
        }
        counts = null;
    }
}
