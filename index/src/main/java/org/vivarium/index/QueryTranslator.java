package org.vivarium.index;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.vivarium.api.VivariumException;

/** Turns a user query into a Lucene {@link Query}, with a one-line error and the syntax on failure. */
final class QueryTranslator {
    /** The syntax summary appended to every query error. */
    static final String SYNTAX = "syntax: words, \"phrases\", feature:SOURCE/ID, act>X, act:[A TO B], layer:N, "
            + "AND/OR/NOT, parentheses";

    private final Analyzer analyzer;

    /**
     * Creates a translator.
     *
     * @param analyzer the index analyser
     */
    QueryTranslator(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Parses a user query. A blank query or {@code *} matches every context.
     *
     * @param userQuery the query as typed
     * @return the Lucene query
     * @throws VivariumException if the query is malformed
     */
    Query translate(String userQuery) {
        String q = userQuery == null ? "" : userQuery.strip();
        if (q.isEmpty() || "*".equals(q)) {
            return new MatchAllDocsQuery();
        }
        String rewritten = q;
        try {
            rewritten = QueryRewriter.rewrite(q);
            return new ContextQueryParser(analyzer).parse(rewritten);
        } catch (ParseException e) {
            throw new VivariumException("bad query \"" + q + "\": " + explain(e.getMessage(), rewritten), SYNTAX, e);
        }
    }

    /**
     * Collects the words a query looks for in the context text (not those under NOT), for highlighting.
     *
     * @param query a translated query
     * @return analysed text terms
     */
    static Set<String> textTerms(Query query) {
        Set<String> terms = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                return IndexFields.TEXT.equals(field);
            }

            @Override
            public void consumeTerms(Query q, Term... ts) {
                for (Term t : ts) {
                    terms.add(t.text());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return terms;
    }

    private static String explain(String message, String rewritten) {
        String m = message == null ? "unparseable" : message;
        String prefix = "Cannot parse '" + rewritten + "': ";
        if (m.startsWith(prefix)) {
            m = m.substring(prefix.length());
        }
        int newline = m.indexOf('\n');
        if (newline >= 0) {
            m = m.substring(0, newline);
        }
        return m.replace("\"<EOF>\"", "end of query").strip();
    }
}
