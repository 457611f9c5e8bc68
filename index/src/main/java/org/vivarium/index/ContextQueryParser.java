package org.vivarium.index;

import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FloatPoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * The classic Lucene query parser taught our schema: numeric fields become point queries, unknown
 * fields are rejected, and the default operator is AND. Not thread-safe; make one per query.
 */
final class ContextQueryParser extends QueryParser {
    private static final String FIELD_LIST = String.join(", ", new TreeSet<>(IndexFields.QUERYABLE));

    /**
     * Creates a parser whose bare words search {@link IndexFields#TEXT}.
     *
     * @param analyzer the index analyser
     */
    ContextQueryParser(Analyzer analyzer) {
        super(IndexFields.TEXT, analyzer);
        setDefaultOperator(QueryParser.Operator.AND);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        checkField(field);
        if (IndexFields.ACT.equals(field)) {
            return FloatPoint.newExactQuery(field, parseFloat(field, queryText));
        }
        if (IndexFields.LAYER.equals(field)) {
            return IntPoint.newExactQuery(field, parseInt(field, queryText));
        }
        return super.getFieldQuery(field, queryText, quoted);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        checkField(field);
        return super.getFieldQuery(field, queryText, slop);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
            boolean endInclusive) throws ParseException {
        checkField(field);
        if (IndexFields.ACT.equals(field)) {
            float lo = part1 == null ? Float.NEGATIVE_INFINITY : parseFloat(field, part1);
            float hi = part2 == null ? Float.POSITIVE_INFINITY : parseFloat(field, part2);
            return FloatPoint.newRangeQuery(field, startInclusive || part1 == null ? lo : Math.nextUp(lo),
                    endInclusive || part2 == null ? hi : Math.nextDown(hi));
        }
        if (IndexFields.LAYER.equals(field)) {
            int lo = part1 == null ? Integer.MIN_VALUE : parseInt(field, part1);
            int hi = part2 == null ? Integer.MAX_VALUE : parseInt(field, part2);
            if (!startInclusive && part1 != null) {
                lo = lo == Integer.MAX_VALUE ? lo : lo + 1;
            }
            if (!endInclusive && part2 != null) {
                hi = hi == Integer.MIN_VALUE ? hi : hi - 1;
            }
            return IntPoint.newRangeQuery(field, lo, hi);
        }
        return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        checkPattern(field);
        return super.getPrefixQuery(field, termStr);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        if (!"*".equals(field)) {
            checkPattern(field);
        }
        return super.getWildcardQuery(field, termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        checkPattern(field);
        return super.getFuzzyQuery(field, termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        checkPattern(field);
        return super.getRegexpQuery(field, termStr);
    }

    private static void checkField(String field) throws ParseException {
        if (!IndexFields.QUERYABLE.contains(field)) {
            throw new ParseException("unknown field \"" + field + "\" (fields: " + FIELD_LIST + ")");
        }
    }

    private static void checkPattern(String field) throws ParseException {
        checkField(field);
        if (IndexFields.NUMERIC.contains(field)) {
            throw new ParseException(field + " holds numbers; use " + field + ">X or " + field + ":[A TO B]");
        }
    }

    private static float parseFloat(String field, String text) throws ParseException {
        try {
            float v = Float.parseFloat(text.trim());
            if (Float.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ParseException(field + " needs a number, got \"" + text + "\"");
        }
    }

    private static int parseInt(String field, String text) throws ParseException {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ParseException(field + " needs a whole number, got \"" + text + "\"");
        }
    }
}
