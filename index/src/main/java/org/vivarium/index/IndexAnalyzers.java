package org.vivarium.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/** Builds the analyser used for both indexing and query parsing. */
final class IndexAnalyzers {
    private IndexAnalyzers() {
    }

    /**
     * Returns a per-field analyser: standard (lower-cased words, no stop words) for text, keyword
     * (the whole value as one term) for the exact fields.
     *
     * @return a new analyser; close it with the index
     */
    static Analyzer create() {
        Map<String, Analyzer> perField = new HashMap<>();
        KeywordAnalyzer keyword = new KeywordAnalyzer();
        for (String field : IndexFields.KEYWORDS) {
            perField.put(field, keyword);
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }
}
