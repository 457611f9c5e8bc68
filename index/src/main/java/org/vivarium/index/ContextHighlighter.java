package org.vivarium.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.vivarium.api.index.ContextRecord;
import org.vivarium.api.index.HighlightedText;
import org.vivarium.api.index.Mark;

/**
 * Marks the firing token (from the stored span) and the words that matched the query (by re-analysing
 * the short context text, which is cheaper than storing term vectors).
 */
final class ContextHighlighter {
    private final Analyzer analyzer;

    /**
     * Creates a highlighter.
     *
     * @param analyzer the index analyser, used to find query words in the text
     */
    ContextHighlighter(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Highlights one context.
     *
     * @param r the stored record
     * @param queryTerms analysed text terms of the query; may be empty
     * @return the text with a {@link Mark.Kind#FIRING} mark and any {@link Mark.Kind#QUERY_TERM} marks
     */
    HighlightedText highlight(ContextRecord r, Set<String> queryTerms) {
        List<Mark> marks = new ArrayList<>();
        marks.add(new Mark(r.spanStart(), r.spanEnd(), Mark.Kind.FIRING));
        if (!queryTerms.isEmpty()) {
            try (TokenStream ts = analyzer.tokenStream(IndexFields.TEXT, r.text())) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    int start = offset.startOffset();
                    int end = offset.endOffset();
                    boolean overlapsFiring = start < r.spanEnd() && end > r.spanStart();
                    if (!overlapsFiring && end > start && queryTerms.contains(term.toString())) {
                        marks.add(new Mark(start, end, Mark.Kind.QUERY_TERM));
                    }
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new HighlightedText(r.text(), marks);
    }
}
